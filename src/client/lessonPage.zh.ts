// A Chinese lesson page's script: the page with the Chinese notebook words only (npm run budget).
import { notebook } from '../i18n/zh/notebook';
import { startLessonPage } from './lessonPage';

startLessonPage(notebook);
