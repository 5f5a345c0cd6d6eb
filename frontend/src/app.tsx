import { useEffect, useState } from 'react';
import { AdminPanel } from './admin/admin-panel';
import { ConnectionBanner } from './components/connection-banner';
import { feed } from './live/socket';
import { Playground } from './playground/playground';

type Page = 'bank' | 'admin';
const pageFromHash = (): Page => (location.hash.startsWith('#/admin') ? 'admin' : 'bank');

/** Two pages behind one header: the bank a learner uses, and the panel that breaks it. */
export function App() {
  const [page, setPage] = useState<Page>(pageFromHash);
  useEffect(() => {
    feed();
    const onHash = () => setPage(pageFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">Faultline</span>
        <nav>
          <a href="#/" className={page === 'bank' ? 'active' : ''} data-testid="nav-bank">
            Bank
          </a>
          <a href="#/admin" className={page === 'admin' ? 'active' : ''} data-testid="nav-admin">
            Admin
          </a>
        </nav>
        <ConnectionBanner />
      </header>
      <main>{page === 'bank' ? <Playground /> : <AdminPanel />}</main>
    </div>
  );
}
