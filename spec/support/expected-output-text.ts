/** The output text of a Response's `output`, computed here independently of the library. */
export function expectedOutputText(output: readonly { type: string; content?: unknown }[]): string {
  return output
    .filter((item) => item.type === 'message')
    .flatMap((item) => item.content as { type: string; text?: string }[])
    .filter((part) => part.type === 'output_text')
    .map((part) => part.text)
    .join('');
}
