import { renderConsoleLine, renderValue } from './display';

/**
 * A cell's output area with limits, so that no output can freeze the page: after the first
 * {@link OutputLimits.lines} console lines the rest is folded behind a "show more" control, a
 * long string shows its start and a control for the next part, and folded output is kept only up
 * to {@link OutputLimits.keptCharacters} (beyond, lines are counted and said to be dropped).
 */
export interface OutputLimits {
  /** Console lines shown before the rest is folded; also how many each "show more" adds. */
  lines: number;
  /** Characters of one string shown at first; each "show more" adds ten times as many. */
  characters: number;
  /** Characters of folded console output kept for "show more". */
  keptCharacters: number;
}

const OUTPUT_LIMITS: OutputLimits = { lines: 1000, characters: 10_000, keptCharacters: 5_000_000 };

/** The controls' words, in the page's language. */
export interface OutputText {
  moreLines(count: number, hidden: number): string;
  moreCharacters(hidden: number): string;
  linesDropped(count: number): string;
}

type Level = 'log' | 'info' | 'warn' | 'error';
interface FoldedLine { level: Level; args: unknown[] }

export interface CellOutput {
  /** A value as the inspector shows it (a long string cut, with "show more"). */
  render(value: unknown): Node;
  /** A node the cell displays; console lines after it start a new fold. */
  append(node: Node): void;
  /** One console call; returns whether it was shown at once (the page forwards those to the browser's console). */
  log(level: Level, args: unknown[]): boolean;
}

export function createCellOutput(output: HTMLElement, text: OutputText, limits: OutputLimits = OUTPUT_LIMITS, doc: Document = output.ownerDocument): CellOutput {
  let shownLines = 0;
  let fold: ReturnType<typeof createFold> | undefined;
  let keptCharacters = 0;

  const renderText = (value: string): Node => (value.length > limits.characters ? longText(doc, value, limits.characters, text) : doc.createTextNode(value));
  const line = (folded: FoldedLine) => renderConsoleLine(folded.level, folded.args, doc, renderText);

  function createFold() {
    const lines: FoldedLine[] = [];
    let dropped = 0;
    // [Show 1,000 more lines (N not shown)] [… N more lines were not kept]; shown lines go before it.
    const fold = doc.createElement('div');
    fold.className = 'nb-fold';
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'nb-more';
    const note = doc.createElement('span');
    note.className = 'nb-lines-dropped';
    fold.append(button, note);
    output.append(fold);
    let labelPending = false;
    const label = () => {
      labelPending = false;
      button.hidden = lines.length === 0;
      button.textContent = text.moreLines(Math.min(limits.lines, lines.length), lines.length + dropped);
      note.textContent = dropped > 0 ? text.linesDropped(dropped) : '';
      if (lines.length === 0 && dropped === 0) fold.remove();
    };
    button.addEventListener('click', () => {
      const page = doc.createDocumentFragment();
      for (const folded of lines.splice(0, limits.lines)) page.append(line(folded));
      fold.before(page);
      label();
    });
    return {
      add(folded: FoldedLine, size: number) {
        if (!fold.isConnected) output.append(fold); // every folded line was shown, and more came
        if (keptCharacters + size > limits.keptCharacters) dropped++;
        else {
          keptCharacters += size;
          lines.push(folded);
        }
        // The label is written once per turn of the event loop, not once per console call.
        if (!labelPending) {
          labelPending = true;
          setTimeout(label, 0);
        }
      },
    };
  }

  return {
    render(value) {
      if (typeof value !== 'string' || value.length <= limits.characters) return renderValue(value, doc);
      const block = doc.createElement('div');
      block.className = 'nb-value nb-text';
      block.append(longText(doc, value, limits.characters, text));
      return block;
    },
    append(node) {
      fold = undefined;
      output.append(node);
    },
    log(level, args) {
      if (!fold && shownLines < limits.lines) {
        shownLines++;
        output.append(line({ level, args }));
        return true;
      }
      fold ??= createFold();
      fold.add({ level, args }, args.reduce<number>((total, arg) => total + (typeof arg === 'string' ? arg.length : 16), 0));
      return false;
    },
  };
}

/** The start of a long text and a button that shows the next part (ten times the first each time). */
function longText(doc: Document, value: string, first: number, text: OutputText): HTMLElement {
  const container = doc.createElement('span');
  container.className = 'nb-long-text';
  const shown = doc.createTextNode(value.slice(0, first));
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'nb-more';
  let end = first;
  const label = () => { button.textContent = text.moreCharacters(value.length - end); };
  button.addEventListener('click', () => {
    const next = Math.min(value.length, end + first * 10);
    shown.appendData(value.slice(end, next));
    end = next;
    if (end >= value.length) button.remove();
    else label();
  });
  label();
  container.append(shown, button);
  return container;
}

