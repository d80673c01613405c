import * as path from 'path';
import type { InboundLink } from '../rules/shared/renumberLinks';
import type { HistoryIndex } from './store';
import { resolveLinkKey, uriKey } from './uris';

/** The links in other indexed reports that point at a finding of `uri` (a fragment after the path). */
export function inboundLinks(index: HistoryIndex, uri: string): InboundLink[] {
  const key = uriKey(uri);
  const out: InboundLink[] = [];
  for (const r of index.reports()) {
    if (r.key === key) continue;
    for (const l of r.links) {
      if (!l.fragment || !l.path || resolveLinkKey(r.uri, l.path) !== key) continue;
      out.push({ uri: r.uri, label: path.posix.basename(r.key), span: l.span, range: l.range, line: l.line, fragment: l.fragment });
    }
  }
  return out;
}
