/**
 * A shallow copy whose fields V8 keeps inside the object, for the lineage copier's sources.
 */

/**
 * A shallow copy of `value` (same keys, same order, same values) whose fields are stored inside
 * the object itself. Why: an object built key by key, or by spreading, keeps four fields inside
 * and the rest in a separate property array, and spreading such an object is several times slower
 * than spreading one with every field inside (measured with `responseSnapshot` on W1: copying the
 * 30-field Response cost about as much as decoding the event). `JSON.parse` lays an object's
 * fields out inside it, so the copy is parsed from its keys (values `null`), then filled in: once
 * per source object, which many copies are then spread from.
 *
 * `value` itself is returned when a key would not come back as an ordinary named property
 * (`__proto__`, or an array index, which objects order first).
 *
 * @param value A plain data object.
 * @returns A copy to spread from, or `value`.
 * @internal
 */
export function flatCopy<T extends object>(value: T): T {
  const keys = Object.keys(value);
  let skeleton = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key === '__proto__' || arrayIndex.test(key)) return value;
    skeleton += `${i === 0 ? '' : ','}${JSON.stringify(key)}:null`;
  }
  const copy = JSON.parse(`${skeleton}}`) as Record<string, unknown>;
  for (const key of keys) copy[key] = (value as Record<string, unknown>)[key];
  return copy as T;
}

const arrayIndex = /^(?:0|[1-9]\d*)$/;
