// Number formatting shared by every view. The browser tests read the same rules: ratios with 3 decimals,
// counts as integers, a dash for undefined (null) figures.

export const DASH = '—';

export function ratio(value) {
  return isNumber(value) ? value.toFixed(3) : DASH;
}

export function signed(value) {
  if (!isNumber(value)) {
    return DASH;
  }
  const text = value.toFixed(3);
  if (Number(text) === 0) {
    return '0.000';
  }
  return value > 0 ? `+${text}` : text.replace('-', '−');
}

/** A p-value: 4 decimals, and "< 0.0001" rather than a 0.0000 that reads as impossible. */
export function pValue(value) {
  if (!isNumber(value)) {
    return DASH;
  }
  return value < 0.0001 ? '< 0.0001' : value.toFixed(4);
}

export function count(value) {
  return isNumber(value) ? String(Math.round(value)) : DASH;
}

export function signedCount(value) {
  if (!isNumber(value)) {
    return DASH;
  }
  if (value === 0) {
    return '0';
  }
  return value > 0 ? `+${value}` : `−${Math.abs(value)}`;
}

export function when(iso) {
  if (!iso) {
    return DASH;
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return String(iso);
  }
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function isNumber(value) {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Raw value for data-value attributes: what the API sent, so tests compare exact figures. */
export function raw(value) {
  return value === null || value === undefined ? 'null' : String(value);
}

export const METRIC_NAMES = {
  precision: 'Precision',
  recall: 'Recall',
  f1Score: 'F1 score',
  accuracy: 'Accuracy',
  rocAuc: 'ROC AUC',
  averagePrecision: 'Average precision',
  specificity: 'Specificity',
  falsePositiveRate: 'False positive rate',
  averageIou: 'Average IoU',
};

export function metricName(key) {
  return METRIC_NAMES[key] || key;
}
