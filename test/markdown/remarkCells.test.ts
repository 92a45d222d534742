import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { remarkCells } from '../../src/markdown/remarkCells';

async function render(markdown: string, path = 'content/lessons/01-x/index.mdx'): Promise<string> {
  const file = await unified().use(remarkParse).use(remarkCells).use(remarkRehype).use(rehypeStringify).process({ value: markdown, path });
  return String(file);
}

describe('remarkCells', () => {
  it('turns ts cell fences into numbered, highlighted cells with the page hooks', async () => {
    const html = await render('Text\n\n```ts cell id=load\nconst a: number = 1;\n```\n\n```ts cell\na + 1\n```\n\n```ts\nplain code\n```\n');
    expect(html).toContain('<section class="cell" data-cell="load" data-cell-number="1" data-cell-state="idle" aria-label="Code cell 1">');
    expect(html).toContain('data-cell="2" data-cell-number="2"');
    expect(html).toMatch(/<button type="button" class="cell-run" data-cell-run="">Run<\/button>/);
    expect(html).toMatch(/<button type="button" class="cell-stop" data-cell-stop="" hidden>Stop<\/button>/);
    expect(html).toContain('<div class="cell-output" data-cell-output="" aria-live="polite" lang="en"></div>');
    // Shiki colours the keyword and keeps the code's text intact.
    expect(html).toMatch(/<pre class="shiki shiki-themes github-light github-dark"[^>]*tabindex="0"/);
    expect(html).toMatch(/<span style="color:#D73A49;--shiki-dark:#F97583">const<\/span>/);
    // A fence without "cell" stays a plain code block.
    expect(html).toContain('<pre><code class="language-ts">plain code\n</code></pre>');
    expect((html.match(/data-cell-output/g) ?? []).length).toBe(2);
  });

  it("labels the toolbar in the lesson's language: Chinese for a file under content/lessons-zh/", async () => {
    const html = await render('```ts cell id=load\nconst a = 1;\n```\n', '/repo/content/lessons-zh/01-x/index.mdx');
    expect(html).toContain('aria-label="代码单元格 1"');
    expect(html).toMatch(/data-cell-run="">运行<\/button>/);
    expect(html).toMatch(/data-cell-stop="" hidden>停止<\/button>/);
    expect(html).toContain('data-cell-reset="" hidden title="放弃你的修改，恢复课程原来的代码">还原</button>');
    // What the cell prints is the shared code's, in English.
    expect(html).toContain('<div class="cell-output" data-cell-output="" aria-live="polite" lang="en"></div>');
    // The code itself is untouched.
    expect(html).toMatch(/<span style="color:#D73A49;--shiki-dark:#F97583">const<\/span>/);
  });
});
