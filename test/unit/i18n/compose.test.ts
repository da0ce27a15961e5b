/**
 * The catalogue is composed from the features' parts (src/i18n/compose.ts): a refusal code given
 * by two parts would say one feature's text in place of the other's (the agenda's »mødet er holdt«
 * under the attendance's `meeting-over`, once), so it is refused when the catalogue is made.
 */
import { describe, expect, it } from 'vitest';
import { compose } from '../../../src/i18n/compose.js';
import { messages } from '../../../src/i18n/index.js';

describe('the catalogue composed from the features\' parts', () => {
  it('refuses two parts giving one refusal code, naming it', () => {
    expect(() => compose({ refusal: { 'meeting-over': 'a' } }, { refusal: { 'meeting-over': 'b', other: 'c' } })).toThrow('two catalogue parts give refusal meeting-over');
    expect(compose({ refusal: { a: 'a' } }, { refusal: { b: 'b' } })).toEqual({ refusal: { a: 'a', b: 'b' } });
  });

  it('the shipped catalogues compose, in both languages, with the same codes', () => {
    expect(Object.keys(messages('en').refusal).sort()).toEqual(Object.keys(messages('da').refusal).sort());
  });
});
