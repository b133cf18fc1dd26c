import { describe, expect, it } from 'vitest';
import { normalizeGpuType } from './gpu-type.js';

describe('normalizeGpuType', () => {
  it.each<[string, string]>([
    ['H100', 'H100'],
    ['Ｈ１００', 'H100'],
    ['　Ｈ１００　', 'H100'],
    ['ＮＶＩＤＩＡ　Ｈ１００ ８０ＧＢ', 'NVIDIA H100 80GB'],
    ['NVIDIA  H100\tSXM5', 'NVIDIA H100 SXM5'],
    ['NVIDIA H100\n80GB', 'NVIDIA H100 80GB'],
    ['A100‐80GB', 'A100-80GB'],
    ['A100－80GB', 'A100-80GB'],
    ['A100—80GB', 'A100-80GB'],
    ['ｈ１００', 'h100'],
    ['NVIDIA A100 (40GB)', 'NVIDIA A100 (40GB)'],
    ['ＮＶＩＤＩＡ Ａ１００（４０ＧＢ）', 'NVIDIA A100(40GB)'],
    ['AMD Instinct MI250X', 'AMD Instinct MI250X'],
    ['Ｇａｕｄｉ２', 'Gaudi2'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeGpuType(input)).toBe(expected);
  });
});
