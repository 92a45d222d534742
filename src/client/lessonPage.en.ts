// A English lesson page's script. Imports run in order: the words are set before lessonPage reads them.
import './words/en';
import './lessonPage';
