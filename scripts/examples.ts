/**
 * The doc-comment examples of `lib/` as TypeScript modules, and their type check: what
 * `npm run check:examples` (scripts/check-examples.ts) runs, kept apart so a spec can run it on
 * planted examples.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** One ```ts block under an `@example` tag. */
export interface Example {
  /** The file it is written in. */
  readonly file: string;
  /** The 1-based line of the file where the code starts (the line after the opening fence). */
  readonly line: number;
  /** The code, without the comment's leading `*`. */
  readonly code: string;
}

/** A compile error, placed at its line in the doc comment. */
export interface ExampleError {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/**
 * Every fenced ```ts (or ```typescript) block under an `@example` tag of the doc comments in
 * `text`. A fence elsewhere in a comment (in the summary, under `@remarks`) is prose, not an
 * example, and is left alone.
 */
export function extractExamples(file: string, text: string): Example[] {
  const examples: Example[] = [];
  const lines = text.split('\n');
  let inComment = false;
  let inExample = false;
  let code: string[] | undefined;
  let start = 0;
  lines.forEach((raw, index) => {
    if (!inComment && /^\s*\/\*\*/.test(raw)) inComment = true;
    if (!inComment) return;
    const body = raw.replace(/^\s*\/\*\*\s?/, '').replace(/^\s*\*(?!\/)\s?/, '');
    if (code) {
      if (/^```\s*$/.test(body.trim())) {
        examples.push({ file, line: start, code: code.join('\n') + '\n' });
        code = undefined;
      } else code.push(raw.replace(/^\s*\* ?/, ''));
    } else if (/^@\w+/.test(body.trim())) {
      inExample = body.trim().startsWith('@example');
    } else if (inExample && /^```(ts|typescript)\s*$/.test(body.trim())) {
      code = [];
      start = index + 2;
    }
    if (raw.includes('*/')) {
      if (code) throw new Error(`${file}:${start - 1}: an example's fence is not closed`);
      inComment = inExample = false;
    }
  });
  return examples;
}

const PARTIAL = '<!-- partial -->';

/**
 * The ```ts blocks of a Markdown file (README.md, docs/*.md), but those marked partial: the line
 * `<!-- partial -->` right before the fence (a blank line between is allowed).
 */
export function extractDocBlocks(file: string, text: string): Example[] {
  const blocks: Example[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i].trim())) continue;
    const end = lines.findIndex((line, j) => j > i && /^```\s*$/.test(line.trim()));
    if (end < 0) throw new Error(`${file}:${i + 1}: a code fence is not closed`);
    const partial = lines[i - 1]?.trim() === PARTIAL || lines[i - 2]?.trim() === PARTIAL;
    if (!partial)
      blocks.push({ file, line: i + 2, code: lines.slice(i + 1, end).join('\n') + '\n' });
    i = end;
  }
  return blocks;
}

/** The name of an example's module: its file and line, readable in the folder it is written to. */
const moduleName = (example: Example, root: string) =>
  `${relative(root, example.file).replace(/[\\/]/g, '__').replace(/\.ts$/, '')}__L${example.line}.ts`;

/** Ambient names every example may use without declaring them: Jest's, for examples that are tests. */
const AMBIENT = ['jest'];

/**
 * Writes each example as a module in `dir` (under `root`, so that `rxjs-openresponses` and its
 * subpaths resolve through the package's own `exports` to the built `dist/*.d.ts`, as a consumer's
 * imports do) and type-checks them together, strictly. Returns the errors, placed at the line of the
 * doc comment they come from (file:line); an empty list means every example compiles.
 */
export function checkExamples(
  examples: readonly Example[],
  root: string,
  dir: string,
): ExampleError[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const byPath = new Map<string, Example>();
  for (const example of examples) {
    const path = join(dir, moduleName(example, root));
    // A snippet without an import or export is still a module: its names stay its own.
    const isModule = /^\s*(import|export)\s/m.test(example.code);
    writeFileSync(path, isModule ? example.code : `${example.code}export {};\n`);
    byPath.set(path, example);
  }
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    esModuleInterop: true,
    experimentalDecorators: true,
    types: ['node', ...AMBIENT],
    typeRoots: [join(root, 'node_modules', '@types')],
  };
  const program = ts.createProgram([...byPath.keys()], options);
  const errors: ExampleError[] = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    const example = diagnostic.file && byPath.get(diagnostic.file.fileName);
    if (!example || diagnostic.start === undefined) {
      errors.push({ file: diagnostic.file?.fileName ?? '(options)', line: 0, message });
      continue;
    }
    const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start);
    errors.push({
      file: example.file,
      line: example.line + line,
      message: `TS${diagnostic.code}: ${message}`,
    });
  }
  return errors;
}
