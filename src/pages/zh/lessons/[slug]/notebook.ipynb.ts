import type { APIRoute } from 'astro';
import type { CatalogLesson } from '../../../../lessons/catalog';
import { notebookPaths, notebookResponse } from '../../../../lessons/notebookRoute';

export const getStaticPaths = () => notebookPaths('zh');

export const GET: APIRoute = ({ props }) => notebookResponse((props as { lesson: CatalogLesson }).lesson, 'zh');
