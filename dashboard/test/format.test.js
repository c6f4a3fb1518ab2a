// The page's number formatting, tested in Node: the module has no DOM dependency.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ratio, signed, count, signedCount, when, raw } from '../page/format.js';

test('ratios have three decimals and undefined figures a dash', () => {
  assert.equal(ratio(0.9333333333333333), '0.933');
  assert.equal(ratio(1), '1.000');
  assert.equal(ratio(0.0005), '0.001');
  assert.equal(ratio(null), '—');
  assert.equal(ratio(undefined), '—');
  assert.equal(ratio(Number.NaN), '—');
});

test('signed differences show their sign, a real minus, and no negative zero', () => {
  assert.equal(signed(0.1234), '+0.123');
  assert.equal(signed(-0.0072), '−0.007');
  assert.equal(signed(3.33333333379926e-7), '0.000');
  assert.equal(signed(-0.0004), '0.000');
  assert.equal(signed(null), '—');
});

test('counts are whole numbers and their changes are signed', () => {
  assert.equal(count(140), '140');
  assert.equal(count(58.0), '58');
  assert.equal(count(null), '—');
  assert.equal(signedCount(10), '+10');
  assert.equal(signedCount(-11), '−11');
  assert.equal(signedCount(0), '0');
});

test('instants are shown in UTC to the minute, and unparsable ones as given', () => {
  assert.equal(when('2024-04-02T11:22:33.500Z'), '2024-04-02 11:22 UTC');
  assert.equal(when('yesterday'), 'yesterday');
  assert.equal(when(null), '—');
});

test('raw values keep what the API sent for the tests to compare', () => {
  assert.equal(raw(0.9333333333333333), '0.9333333333333333');
  assert.equal(raw(null), 'null');
});
