// The Markdown preview of a report (`markdown.markdownItPlugins`): VS Code
// calls extendMarkdownIt with its markdown-it; the plugin itself is pure
// (server/src/export/preview.ts) and the styles are media/preview.css.
import type MarkdownIt from 'markdown-it';
import { reportPreview } from '../../server/src/export/preview';
import { builtinProfiles } from '../../server/src/io/builtinData';

export function extendMarkdownIt(md: MarkdownIt.MarkdownIt): MarkdownIt.MarkdownIt {
  return md.use(reportPreview, { profiles: () => builtinProfiles() });
}
