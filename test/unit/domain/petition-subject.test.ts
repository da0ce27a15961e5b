/**
 * R11: which meeting subject answers which petition subject (subjectAnswers): the same subject, or
 * the meeting's containing the petition's as whole words, not the other way round (letter case,
 * spacing, composition, what shows nothing and punctuation between words aside), the petition's at least two words or one of eight letters.
 */
import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../../src/domain/meeting.js';
import { answersPetition, meetingCalledOn, repeatsOpenPetition, subjectAnswers, subjectContainable } from '../../../src/domain/petition.js';

describe('R11: a meeting subject answers a petition subject', () => {
  it('R11: the same subject, as before (case, spacing, composition, a zero width space aside)', () => {
    expect(subjectAnswers(' budget  2027 ', 'Budget 2027')).toBe(true);
    expect(subjectAnswers('Vand\u200bskade', 'Vandskade')).toBe(true);
    expect(subjectAnswers('Bestyrelsesma\u0308de', 'Bestyrelsesmäde')).toBe(true);
    expect(subjectAnswers('Budget', 'Budget')).toBe(true);
  });

  it('R11: a meeting subject with words added around the petition subject answers it', () => {
    expect(subjectAnswers('Ekstraordinært møde om Budgetoverskridelse i Korsør', 'Budgetoverskridelse i Korsør')).toBe(true);
    expect(subjectAnswers('Budgetoverskridelse i Korsør, opfølgning', 'budgetoverskridelse i korsør')).toBe(true);
    expect(subjectAnswers('Ansættelse af ny direktør', 'Ny direktør')).toBe(true);
    // One word of eight letters or more is enough.
    expect(subjectAnswers('Ekstraordinært møde om budgetoverskridelse', 'Budgetoverskridelse')).toBe(true);
  });

  it('R11: a meeting subject that is only part of the petition subject does not answer it (the meeting must name all the members demanded)', () => {
    expect(subjectAnswers('Budgetoverskridelse i Korsør', 'Budgetoverskridelse i Korsør og Skælskør')).toBe(false);
    // A chair the petition is about cannot silence it with a meeting on one of its words.
    expect(subjectAnswers('Formanden', 'Mistillid til formanden')).toBe(false);
    expect(subjectAnswers('Bestyrelsen', 'Samarbejdet i bestyrelsen')).toBe(false);
    expect(subjectAnswers('Valg af ny formand', 'Mistillid til formanden og valg af ny formand')).toBe(false);
    expect(subjectAnswers('Budget 2027', 'Budget 2027 for afdeling 3')).toBe(false);
    // The other way round, a meeting naming the petition subject in full, answers it.
    expect(subjectAnswers('Mistillid til formanden og valg af ny formand', 'Valg af ny formand')).toBe(true);
    expect(subjectAnswers('Budget 2027 for afdeling 3', 'Budget 2027')).toBe(true);
  });

  it('R11: not answered: a contained subject of one short word (»Budget«), parts of words, another form of a word, words apart', () => {
    expect(subjectAnswers('Budget 2028 og vandskade', 'Budget')).toBe(false);
    expect(subjectAnswers('Budget', 'Budget 2028 og vandskade')).toBe(false);
    expect(subjectAnswers('Budget 2028', 'Budget 2028 og vandskade')).toBe(false);
    expect(subjectAnswers('Budgetoverskridelse i Korsør', 'overskridelse i Korsør')).toBe(false);
    expect(subjectAnswers('Ekstraordinært møde om budgetoverskridelsen i Korsør', 'Budgetoverskridelse i Korsør')).toBe(false);
    expect(subjectAnswers('Budgetoverskridelse og vandskade i Korsør', 'Budgetoverskridelse i Korsør')).toBe(false);
    expect(subjectAnswers('Ny direktør', 'Vandskaden i afd. 2')).toBe(false);
  });

  it('R11: whether a subject answers when contained (what the caller is told to write)', () => {
    expect(subjectContainable('Budgetoverskridelse i Korsør')).toBe(true);
    expect(subjectContainable('Budgetoverskridelse')).toBe(true);
    expect(subjectContainable('Budget')).toBe(false);
    expect(subjectContainable('2027')).toBe(false);
  });

  const now = new Date('2026-12-01T09:00:00Z');
  const meeting = (subject: string, extra: Partial<Meeting> = {}): Meeting => ({
    id: 'm', kind: 'extraordinary', startsAt: new Date(now.getTime() + 86_400_000), subject, status: 'planned', createdBy: 'anne', createdAt: now, ...extra,
  });

  it('R11: answersPetition follows it; an ordinary meeting answers none', () => {
    const petition = { subject: 'Budgetoverskridelse i Korsør' };
    expect(answersPetition(meeting('Ekstraordinært møde om Budgetoverskridelse i Korsør'), petition, undefined)).toBe(true);
    expect(answersPetition(meeting('Budgetoverskridelse i Korsør', { kind: 'ordinary' }), petition, undefined)).toBe(false);
    expect(answersPetition(meeting('Budget 2028'), { subject: 'Budget' }, undefined)).toBe(false);
  });

  it('R11: a repeated petition is still the same subject only; migration 0016 still links the same subject only', () => {
    expect(repeatsOpenPetition('Ekstraordinært møde om Budgetoverskridelse i Korsør', [{ subject: 'Budgetoverskridelse i Korsør' }])).toBe(false);
    expect(repeatsOpenPetition('budgetoverskridelse i  korsør', [{ subject: 'Budgetoverskridelse i Korsør' }])).toBe(true);
    expect(meetingCalledOn({ subject: 'Budgetoverskridelse i Korsør', createdAt: now }, [meeting('Ekstraordinært møde om Budgetoverskridelse i Korsør')])).toBeUndefined();
    expect(meetingCalledOn({ subject: 'Budgetoverskridelse i Korsør', createdAt: now }, [meeting('budgetoverskridelse i korsør')])).toBe('m');
  });
});
