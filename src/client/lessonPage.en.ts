// A English lesson page's script: the page with the English notebook words only (npm run budget).
import { notebook } from '../i18n/en/notebook';
import { startLessonPage } from './lessonPage';

startLessonPage(notebook);
