/** The Chinese lesson pages' notebook words, set before the page's script runs (see ../pageWords.ts). */
import { notebook } from '../../i18n/zh/notebook';
import { setNotebookWords } from '../pageWords';

setNotebookWords(notebook);
