/**
 * The timestamp written into the files is an option of composeDocument (`timestamp`); without it, the IEP's own
 * dates. The library never reads SOURCE_DATE_EPOCH itself: the CLI does (src/cli/source-date-epoch.ts) and passes
 * it down.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import { MINIMAL, rawIep, validated } from '../e2e/helpers.js';

const saved = process.env.SOURCE_DATE_EPOCH;
afterEach(() => {
  if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
  else process.env.SOURCE_DATE_EPOCH = saved;
});

describe('the document timestamp', () => {
  const draft = rawIep(MINIMAL);
  const final = rawIep(MINIMAL);
  final.document = { ...final.document, status: 'final', finalizedDate: '2026-05-20' };

  it('is the timestamp option when one is given', () => {
    const timestamp = new Date('2026-06-01T12:00:00Z');
    expect(composeDocument(validated(draft), { layout: 'family', timestamp }).document!.meta.created).toEqual(timestamp);
  });

  it('is otherwise the finalized date, else the meeting date, at noon UTC', () => {
    expect(composeDocument(validated(final), { layout: 'family' }).document!.meta.created).toEqual(new Date('2026-05-20T12:00:00Z'));
    expect(composeDocument(validated(draft), { layout: 'family' }).document!.meta.created).toEqual(new Date(`${draft.meeting.date}T12:00:00Z`));
  });

  it('does not come from SOURCE_DATE_EPOCH in the environment of the library', () => {
    process.env.SOURCE_DATE_EPOCH = '1780315200';
    expect(composeDocument(validated(draft), { layout: 'family' }).document!.meta.created).toEqual(new Date(`${draft.meeting.date}T12:00:00Z`));
  });
});
