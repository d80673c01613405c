import type { Fix } from '../core/types';
import type { FrontMatterEntry, ReportModel } from '../model/types';
import type { FieldSpec } from '../profiles/types';
import { ordinalValue } from './shared/dateText';
import { isDateType, readDateShape } from './shared/frontMatterDates';
import type { Rule, RuleContext } from './types';

/**
 * The front matter a kind needs: its keys and the type of each value.
 * Source: ../shared/dialect.md, "Front matter" (and each kind's profile in
 * server/profiles/*.yaml). Unknown keys are kept, never reported.
 *
 * Split with other parts of the checker, so that each problem comes out once:
 * - the model reports broken YAML, an unclosed front matter, a key given twice,
 *   and an unknown or empty `report:` kind, under this rule's id, where they are;
 * - this rule reports missing keys, empty values, and values of the wrong type
 *   or SHAPE (a date not written YYYY-MM-DD, a range with a dash);
 * - the dates rule reports the VALUES of well-shaped dates (a day that does not
 *   exist, a range that ends before it starts) and their agreement with the body.
 */
export const frontMatter: Rule = {
  id: 'front-matter',
  summary: 'The front matter has the keys its kind needs, each with a value of the right type.',
  defaultSeverity: 'error',
  fixable: true,
  check(ctx) {
    const { model } = ctx;
    const fm = model.frontMatter;
    const profile = model.profile;
    // Broken YAML and unknown kinds are already reported by the model, once, where they are.
    if (!fm || !fm.valid || !profile) return;
    for (const [key, spec] of Object.entries(profile.frontMatter)) {
      const entry = fm.entries.get(key);
      if (!entry) {
        if (spec.required) reportMissing(ctx, key, spec, profile.label);
        continue;
      }
      checkValue(ctx, entry, spec);
    }
  },
};

function describeType(spec: FieldSpec): string {
  switch (spec.type) {
    case 'date': return 'a date, YYYY-MM-DD';
    case 'date-range': return 'a range, YYYY-MM-DD to YYYY-MM-DD';
    case 'date-list': return 'a date, a range, or a list of dates';
    case 'list': return 'a list, [A, B]';
    case 'integer': return 'a whole number';
    case 'enum': return `one of ${(spec.values ?? []).join(', ')}`;
    default: return 'text';
  }
}

function reportMissing(ctx: RuleContext, key: string, spec: FieldSpec, label: string): void {
  const { model } = ctx;
  const known = model.profile?.frontMatter ?? {};
  const near = [...(model.frontMatter?.entries.values() ?? [])].filter((e) => e.key !== 'report' && !(e.key in known) && nearMiss(e.key, key));
  let message = `${/^[aeiou]/i.test(label) ? 'An' : 'A'} ${label} needs '${key}' in its front matter (${describeType(spec)}).`;
  let fix: Fix | undefined;
  if (near.length === 1) {
    message += ` Is '${near[0].key}' meant?`;
    fix = { title: `Rename '${near[0].key}' to '${key}'`, edits: [{ ...near[0].keySpan, newText: key }] };
  }
  // Reported at the opening fence: the front matter is where the key belongs.
  ctx.report({ span: model.lines.lineSpan(0), message, fix });
}

/** 'inspection-date' for 'inspection-dates', 'Published', 'meeting_date', 'lead inspector'. */
function nearMiss(written: string, key: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[\s_]+/g, '-');
  const a = norm(written);
  if (a === key) return true;
  return editDistance(a, key) <= (key.length > 8 ? 2 : 1);
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

function raw(model: ReportModel, entry: FrontMatterEntry): string {
  return model.text.slice(entry.valueSpan.start, entry.valueSpan.end);
}

function replaceValue(entry: FrontMatterEntry, newText: string): Fix {
  return { title: `Write '${entry.key}: ${newText}'`, edits: [{ ...entry.valueSpan, newText }] };
}

function checkValue(ctx: RuleContext, entry: FrontMatterEntry, spec: FieldSpec): void {
  const { model } = ctx;
  const { key, value } = entry;
  const empty = value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
  if (empty) {
    ctx.report({ span: entry.keySpan, message: `'${key}' has no value: write ${describeType(spec)}.` });
    return;
  }
  const at = entry.valueSpan;
  if (isDateType(spec.type)) {
    const shape = readDateShape(value, spec.type);
    if (!shape.ok) {
      ctx.report({
        span: at,
        message: `'${key}' ${shape.problem}.`,
        fix: shape.suggestion ? replaceValue(entry, shape.suggestion) : undefined,
      });
    }
    return;
  }
  switch (spec.type) {
    case 'text':
      if (typeof value !== 'string') {
        ctx.report({ span: at, message: `'${key}' should be text${Array.isArray(value) ? ', not a list' : ''}.` });
      }
      return;
    case 'list': {
      if (Array.isArray(value)) {
        if (value.length === 0) ctx.report({ span: at, message: `'${key}' is an empty list.`, severity: 'warning' });
        else if (value.some((v) => typeof v !== 'string' && typeof v !== 'number')) ctx.report({ span: at, message: `'${key}' should be a list of names or words.` });
        return;
      }
      if (typeof value === 'string') {
        const source = raw(model, entry);
        const safe = !/[[\]{}#&*!|>%@`]/.test(source) && !source.includes('\n');
        ctx.report({
          span: at,
          severity: 'warning',
          message: `'${key}' should be a list: write [${source}].`,
          fix: safe ? replaceValue(entry, `[${source}]`) : undefined,
        });
        return;
      }
      ctx.report({ span: at, message: `'${key}' should be a list, [A, B].` });
      return;
    }
    case 'integer': {
      if (typeof value === 'number' && Number.isInteger(value)) return;
      const n = typeof value === 'string' ? (/^\s*\d+\s*$/.test(value) ? Number(value) : ordinalValue(value.trim())) : undefined;
      ctx.report({
        span: at,
        message: `'${key}' should be a whole number${n !== undefined ? `: write ${n}` : ''}.`,
        fix: n !== undefined ? replaceValue(entry, String(n)) : undefined,
      });
      return;
    }
    case 'enum': {
      const values = spec.values ?? [];
      if (typeof value === 'string' && values.includes(value)) return;
      const meant = typeof value === 'string' ? values.find((v) => v.toLowerCase() === value.trim().toLowerCase()) : undefined;
      ctx.report({
        span: at,
        message: `'${key}' must be one of ${values.join(', ')}${meant ? `: write '${meant}'` : ''}.`,
        fix: meant ? replaceValue(entry, meant) : undefined,
      });
      return;
    }
    default:
      return;
  }
}
