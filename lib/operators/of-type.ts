import { filter, type OperatorFunction } from 'rxjs';

/**
 * Keeps the events whose `type` is one of `types`, and narrows the output type to exactly those
 * members of the event union.
 *
 * Use it to pick the events a component cares about out of the whole stream. It works on any
 * Observable of a union discriminated by `type`: the full `ResponseStreamEvent` union (including
 * `UnknownEvent`, whose `type` is `'unknown'`, and `InvalidEvent`, `'invalid'`), or an already
 * narrowed one. A literal that is not a member's `type` is a compile error, and so is calling it
 * with no type at all. As with NgRx's `ofType`, the narrowing comes from the source's type: a
 * source typed `Observable<{ type: string }>` can only give `{ type: string }` back.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_text.delta', 'response.refusal.delta'))
 *   .subscribe((e) => console.log(e.type, e.delta)); // `delta` exists on both
 * ```
 *
 * @param types One or more event `type` literals.
 * @returns An operator that emits only the events of those types, typed as those members.
 * @throws {TypeError} When called with no type (only possible from untyped code).
 * @see https://rxjs.dev/api/operators/filter
 */
export function ofType<E extends { type: string }, K extends E['type']>(
  ...types: [K, ...K[]]
): OperatorFunction<E, Extract<Source<E>, { type: K }>> {
  if (types.length === 0) throw new TypeError('ofType() needs at least one event type');
  const wanted = new Set<string>(types);
  return filter((event): event is Extract<Source<E>, { type: K }> => wanted.has(event.type));
}

/**
 * `E`, hidden from type inference (the classic spelling of TypeScript 5.4's `NoInfer`, which works
 * on older compilers too): the event type is inferred from the source only, never from a type
 * annotation on the result, so `const d$: Observable<OutputTextDeltaEvent> = events$.pipe(ofType(...))`
 * type-checks.
 *
 * @inline
 */
type Source<E> = [E][E extends unknown ? 0 : never];
