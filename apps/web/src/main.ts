import { mount } from 'svelte';
import App from './App.svelte';
import './styles.css';
import './results.css';
import './export.css';

const target = document.getElementById('app');
if (!target) throw new Error('missing #app element in index.html');
export default mount(App, { target });
