import type { Page } from 'playwright-core';

export interface SeniorFriendlyViolation {
  rule: 'font-size' | 'target-size' | 'contrast' | 'call-staff';
  element: string;
  detail: string;
}

/**
 * Checks the kiosk screen as it is now against the senior-first bars of DEVELOPERS.md: every
 * visible text ≥ 28 px, every button ≥ 72 × 72 px, text contrast ≥ 4.5:1 against what is really
 * behind it, and a visible 呼叫工作人员 button. Returns the violations (empty when it passes).
 * `rootSelector`: another page's root (e.g. the call display, which has no call-staff button).
 */
export async function seniorFriendlyViolations(page: Page, rootSelector = '.kiosk'): Promise<SeniorFriendlyViolation[]> {
  return page.evaluate((rootSelector) => {
    const violations: { rule: string; element: string; detail: string }[] = [];
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ').join('.') : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    const visible = (el: Element) => {
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    const parse = (color: string): [number, number, number, number] => {
      const m = color.match(/rgba?\(([^)]+)\)/);
      if (!m) return [0, 0, 0, 0];
      const parts = m[1]!.split(',').map((p) => parseFloat(p));
      return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
    };
    const luminance = ([r, g, b]: number[]) => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    // The colour behind an element: the first opaque background up the tree (alpha composited).
    const background = (el: Element | null): number[] => {
      const layers: [number, number, number, number][] = [];
      for (let node = el; node; node = node.parentElement) {
        const bg = parse(getComputedStyle(node).backgroundColor);
        if (bg[3] > 0) layers.push(bg);
        if (bg[3] >= 1) break;
      }
      let out = [255, 255, 255];
      for (const [r, g, b, a] of layers.reverse()) out = [r * a + out[0]! * (1 - a), g * a + out[1]! * (1 - a), b * a + out[2]! * (1 - a)];
      return out;
    };

    const root = document.querySelector(rootSelector)!;
    const all = [root, ...root.querySelectorAll('*')];
    for (const el of all) {
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (!ownText || !visible(el)) continue;
      const style = getComputedStyle(el);
      const size = parseFloat(style.fontSize);
      if (size < 28) violations.push({ rule: 'font-size', element: describe(el), detail: `${size}px` });
      const fg = parse(style.color);
      const [l1, l2] = [luminance(fg), luminance(background(el))].sort((a, b) => b - a);
      const ratio = (l1! + 0.05) / (l2! + 0.05);
      if (ratio < 4.5) violations.push({ rule: 'contrast', element: describe(el), detail: ratio.toFixed(2) });
    }
    for (const button of root.querySelectorAll('button')) {
      if (!visible(button)) continue;
      const rect = button.getBoundingClientRect();
      if (rect.width < 72 || rect.height < 72) {
        violations.push({ rule: 'target-size', element: describe(button), detail: `${Math.round(rect.width)}×${Math.round(rect.height)}` });
      }
    }
    const help = document.querySelector('[data-testid="call-staff"]');
    const helpRect = help?.getBoundingClientRect();
    if (!help || !visible(help) || !helpRect || helpRect.bottom > innerHeight || helpRect.top < 0) {
      violations.push({ rule: 'call-staff', element: 'call-staff', detail: 'not visible in the viewport' });
    }
    return violations as { rule: 'font-size' | 'target-size' | 'contrast' | 'call-staff'; element: string; detail: string }[];
  }, rootSelector);
}
