import { afterAll, describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { remarkCells } from '../../src/markdown/remarkCells';
import { lessonsFixture } from './fixture';

const fixture = lessonsFixture();
afterAll(fixture.remove);
fixture.write('01-x/cells/01-load.ts', 'const a: number = 1;\n');
fixture.write('01-x/cells/02-show.ts', 'a + 1\n');

async function render(markdown: string, file: string): Promise<string> {
  const path = fixture.write(file, markdown);
  const result = await unified().use(remarkParse).use(remarkMdx).use(remarkCells).use(remarkRehype).use(rehypeStringify).process({ value: markdown, path });
  return String(result);
}

describe('remarkCells', () => {
  it("turns each <Cell id> into the lesson's cell file: numbered, highlighted, with the page hooks", async () => {
    const html = await render('Text\n\n<Cell id="load" />\n\n<Cell id="show" />\n\n```ts\nplain code\n```\n', '01-x/en.mdx');
    expect(html).toContain('<section class="cell" data-cell="load" data-cell-number="1" data-cell-state="idle" aria-label="Code cell 1">');
    expect(html).toContain('data-cell="show" data-cell-number="2"');
    expect(html).toMatch(/<button type="button" class="cell-run" data-cell-run="">Run<\/button>/);
    expect(html).toMatch(/<button type="button" class="cell-stop" data-cell-stop="" hidden>Stop<\/button>/);
    expect(html).toContain('<div class="cell-output" data-cell-output="" data-pagefind-ignore="" aria-live="polite" lang="en"></div>');
    // Search indexes the prose and the code, not the buttons or what a run printed.
    expect(html).toContain('<div class="cell-toolbar" data-pagefind-ignore="">');
    // Shiki colours the keyword and keeps the code's text intact (the file's final newline is not part of the cell).
    expect(html).toMatch(/<pre class="shiki shiki-themes github-light github-dark"[^>]*tabindex="0"/);
    expect(html).toMatch(/<span style="color:#D73A49;--shiki-dark:#F97583">const<\/span>/);
    expect(html).toContain('a </span><span style="color:#D73A49;--shiki-dark:#F97583">+</span><span style="color:#005CC5;--shiki-dark:#79B8FF"> 1</span></span></code></pre>');
    // A fence that is not a cell stays a plain code block.
    expect(html).toContain('<pre><code class="language-ts">plain code\n</code></pre>');
    expect((html.match(/data-cell-output/g) ?? []).length).toBe(2);
  });

  it('labels the toolbar in the prose file\'s language: Chinese for zh.mdx, with the same code', async () => {
    const html = await render('<Cell id="load" />\n', '01-x/zh.mdx');
    expect(html).toContain('aria-label="代码单元格 1"');
    expect(html).toMatch(/data-cell-run="">运行<\/button>/);
    expect(html).toMatch(/data-cell-stop="" hidden>停止<\/button>/);
    expect(html).toContain('data-cell-reset="" hidden title="放弃你的修改，恢复课程原来的代码">还原</button>');
    expect(html).toMatch(/<span style="color:#D73A49;--shiki-dark:#F97583">const<\/span>/);
  });

  it('stops the build on a cell that does not exist, a fenced cell, or a reference inside a paragraph', async () => {
    await expect(render('<Cell id="train" />\n', '01-x/en.mdx')).rejects.toThrow(/en\.mdx:1: <Cell id="train" \/> names no cell; this lesson's cells are load, show/);
    await expect(render('Hi\n\n```ts cell id=load\n1\n```\n', '01-x/en.mdx')).rejects.toThrow(/en\.mdx:3: a cell's code lives in the lesson's cells\/ folder/);
    await expect(render('Run <Cell id="load" /> now.\n', '01-x/en.mdx')).rejects.toThrow(/en\.mdx:1: <Cell \/> must stand on a line of its own/);
    await expect(render('<Cell />\n', '01-x/en.mdx')).rejects.toThrow(/<Cell \/> needs an id/);
  });
});
