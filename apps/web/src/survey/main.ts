import { mount } from 'svelte';
import { tokenFromPath } from './lib/token';
import { SurveySession } from './lib/survey-session.svelte';
import SurveyApp from './SurveyApp.svelte';
import './survey.css';

const target = document.getElementById('survey');
if (!target) throw new Error('missing #survey element in survey.html');
const session = new SurveySession(tokenFromPath(location.pathname));
mount(SurveyApp, { target, props: { session } });
void session.load();
