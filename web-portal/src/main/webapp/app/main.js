// The portal's entry point: who is signed in, the navigation of their role, and the hash router.
import {api, useCsrfToken, whenSessionEnds} from './api.js';
import {announce, h, replace, showError} from './ui.js';

const ROUTES = {
    subscriber: [
        {path: 'recommendations', label: 'For you', load: () => import('./portal.js').then(m => m.recommendationsView)},
        {path: 'catalogue', label: 'Catalogue', load: () => import('./portal.js').then(m => m.catalogueView)},
        {path: 'entitlements', label: 'My entitlements', load: () => import('./portal.js').then(m => m.entitlementsView)},
        {path: 'terminals', label: 'My terminals', load: () => import('./terminals.js').then(m => m.terminalsView)},
    ],
    operator: [
        {path: 'dashboard', label: 'Dashboard', load: () => import('./dashboard.js').then(m => m.dashboardView)},
        {path: 'catalogue', label: 'Catalogue', load: () => import('./portal.js').then(m => m.catalogueView)},
    ],
    integrator: [
        {path: 'catalogue', label: 'Catalogue', load: () => import('./portal.js').then(m => m.catalogueView)},
    ],
};

let session = null;
let cleanup = null;
let rendering = 0;

function routesOf(s) {
    return ROUTES[s?.role] ?? ROUTES.integrator;
}

async function start() {
    document.getElementById('sign-in-form').addEventListener('submit', signIn);
    document.getElementById('sign-out').addEventListener('click', signOut);
    window.addEventListener('hashchange', route);
    whenSessionEnds(() => {
        if (session) {
            session = null;
            showSignIn('Your session has ended: please sign in again.');
        }
    });
    try {
        const {data} = await api('GET', '/api/session');
        if (data) {
            signedIn(data);
        } else {
            showSignIn(null);
        }
    } catch (e) {
        showSignIn(e.message);
    }
}

function showSignIn(message) {
    stopView();
    useCsrfToken(null);
    document.getElementById('nav').hidden = true;
    document.getElementById('who').hidden = true;
    document.getElementById('view').hidden = true;
    document.getElementById('sign-in').hidden = false;
    document.getElementById('sign-in-error').textContent = message ?? '';
    document.title = 'Sign in · splitcast';
    document.getElementById('username').focus();
}

async function signIn(event) {
    event.preventDefault();
    const form = event.target;
    const error = document.getElementById('sign-in-error');
    const username = form.username.value.trim();
    const password = form.password.value;
    if (!username || !password) {
        error.textContent = 'Enter your username and password.';
        (username ? form.password : form.username).focus();
        return;
    }
    const button = document.getElementById('sign-in-button');
    button.disabled = true;
    error.textContent = '';
    try {
        const {data} = await api('POST', '/api/session', {username, password});
        form.password.value = '';
        signedIn(data);
    } catch (e) {
        error.textContent = e.status === 401 ? 'Unknown username or wrong password.' : e.message;
        form.password.select();
    } finally {
        button.disabled = false;
    }
}

async function signOut() {
    try {
        await api('DELETE', '/api/session');
    } catch (e) {
        // signed out on the server or not, this page forgets the session
    }
    session = null;
    history.replaceState(null, '', '#/');
    showSignIn(null);
    announce('Signed out');
}

function signedIn(data) {
    session = data;
    useCsrfToken(data.csrfToken);
    showError(null);
    document.getElementById('sign-in').hidden = true;
    document.getElementById('view').hidden = false;
    document.getElementById('who-name').textContent = `${data.username} (${data.role})`;
    document.getElementById('who').hidden = false;
    const nav = document.getElementById('nav');
    replace(nav, h('ul', {}, routesOf(data).map(r =>
        h('li', {}, h('a', {href: `#/${r.path}`, dataset: {route: r.path}}, r.label)))));
    nav.hidden = false;
    announce(`Signed in as ${data.username}`);
    route();
}

function stopView() {
    if (typeof cleanup === 'function') {
        cleanup();
    }
    cleanup = null;
}

async function route() {
    if (!session) {
        return;
    }
    const routes = routesOf(session);
    const [path, query] = location.hash.replace(/^#\/?/, '').split('?');
    const target = routes.find(r => r.path === path) ?? routes[0];
    if (target.path !== path) {
        history.replaceState(null, '', `#/${target.path}`);
    }
    for (const link of document.querySelectorAll('#nav a')) {
        if (link.dataset.route === target.path) {
            link.setAttribute('aria-current', 'page');
        } else {
            link.removeAttribute('aria-current');
        }
    }
    stopView();
    showError(null);
    const mine = ++rendering;
    const view = document.getElementById('view');
    replace(view, h('p', {class: 'muted'}, 'Loading…'));
    try {
        const render = await target.load();
        if (mine !== rendering) {
            return;
        }
        document.title = `${target.label} · splitcast`;
        const stop = await render(view, session, new URLSearchParams(query ?? ''));
        if (mine !== rendering) {
            stop?.();
            return;
        }
        cleanup = stop;
    } catch (e) {
        if (mine === rendering) {
            replace(view);
            showError(e.message ?? String(e));
        }
    }
}

start();
