// The error family's three mentions of a code (the union, the ByCode map, the class's `code`) can
// never drift apart: each pair is checked here.
import type {
  HttpError,
  ResponsesStreamError,
  ResponsesStreamErrorByCode,
  ResponsesStreamErrorCode,
} from '../../lib';
import { isResponsesStreamError } from '../../lib';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// Every code has an entry in the map, and the map has no other key.
const mapCoversCodes: Same<keyof ResponsesStreamErrorByCode, ResponsesStreamErrorCode> = true;

// Each entry's class carries exactly its own key as its code.
type CodeMatches = {
  [C in keyof ResponsesStreamErrorByCode]: Same<ResponsesStreamErrorByCode[C]['code'], C>;
};
const classesCarryTheirCode: Same<CodeMatches[keyof CodeMatches], true> = true;

// The base class defaults to the whole union.
const baseCode: Same<ResponsesStreamError['code'], ResponsesStreamErrorCode> = true;

declare const err: unknown;
if (isResponsesStreamError(err, 'http_error')) {
  const narrowed: HttpError = err;
  void narrowed;
}
// @ts-expect-error not a code of the family
isResponsesStreamError(err, 'no_such_code');

void [mapCoversCodes, classesCarryTheirCode, baseCode];
