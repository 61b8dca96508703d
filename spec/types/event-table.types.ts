/**
 * Type test: one table entry is all a new event type needs to be a member of the derived union,
 * to narrow on `type`, and to be picked out by `ofType` (checked by `tsc --noEmit`).
 */
import { of } from 'rxjs';
import { ofType } from '../../lib/operators/of-type';
import * as f from '../../lib/events/fields';
import { defineEvents, type EventOf } from '../../lib/events/schema';

// A table as the area files write them, with one entry for an event type the library lacks.
const table = defineEvents({
  'response.brand_new.delta': { itemId: f.string(), delta: f.string(), count: f.number() },
  'response.other.done': { text: f.string() },
});
type Table = typeof table;
type Union = { [K in keyof Table]: EventOf<Table, K> }[keyof Table];

declare const event: Union;
if (event.type === 'response.brand_new.delta') {
  const delta: string = event.delta;
  const count: number = event.count;
  const seq: number | undefined = event.sequenceNumber;
  // @ts-expect-error narrowed: the other event's field is not there
  void event.text;
  void [delta, count, seq];
}

of(event)
  .pipe(ofType('response.brand_new.delta'))
  .subscribe((e) => {
    const itemId: string = e.itemId;
    // @ts-expect-error fields are camelCase
    void e.item_id;
    void itemId;
  });

// @ts-expect-error not a type of the table
of(event).pipe(ofType('response.missing'));

// The schema parses to the same type.
const parsed: EventOf<Table, 'response.other.done'> = table['response.other.done'].parse({});
void parsed;
