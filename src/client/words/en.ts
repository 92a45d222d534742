/** The English lesson pages' notebook words, set before the page's script runs (see ../pageWords.ts). */
import { notebook } from '../../i18n/en/notebook';
import { setNotebookWords } from '../pageWords';

setNotebookWords(notebook);
