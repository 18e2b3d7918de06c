import { type ReactNode, useState } from "react";
import { useApp } from "../app-context";
import { PATHS } from "../router";
import { Link } from "./link";

function Brand() {
  const { t, brand } = useApp();
  const [logoFailed, setLogoFailed] = useState(false);
  const logo = brand?.logoUrl && !logoFailed ? brand.logoUrl : null;
  return (
    <p className="brand">
      {logo && (
        // The name is written next to it, so the logo itself is decoration.
        <img src={logo} alt="" className="brand-logo" onError={() => setLogoFailed(true)} />
      )}
      <span className="brand-name">{brand?.name ?? t.common.portalName}</span>
    </p>
  );
}

function Footer({ signedIn }: { signedIn: boolean }) {
  const { t, brand } = useApp();
  if (!brand) {
    return (
      <footer className="site-footer">
        <div className="footer-inner">
          <p>{t.common.portalName}</p>
        </div>
      </footer>
    );
  }
  const { email, phone } = brand;
  return (
    <footer className="site-footer">
      <div className="footer-inner">
        <p>{t.common.footerFor(brand.legalName ?? brand.name)}</p>
        {(email || phone) && (
          <p>
            {t.common.footerContact} {email && <a href={`mailto:${email}`}>{email}</a>}
            {email && phone && " · "}
            {phone && <a href={`tel:${phone.replace(/[^\d+]/g, "")}`}>{phone}</a>}
            {signedIn && ` ${t.common.footerMessages}`}
          </p>
        )}
      </div>
    </footer>
  );
}

/** Skip link, header (creditor, navigation, language), main, footer, and the live region. */
export function Layout({
  children,
  signedIn,
  onLogout,
  announcement,
}: {
  children: ReactNode;
  signedIn: boolean;
  onLogout: () => void;
  announcement: string;
}) {
  const { t, language, setLanguage } = useApp();
  return (
    <>
      <a href="#main" className="skip-link">
        {t.common.skipLink}
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Brand />
          <div className="header-tools">
            {signedIn && (
              <nav aria-label={t.common.headerNav}>
                <ul className="header-nav">
                  <li>
                    <Link to={PATHS.overview}>{t.common.yourAccount}</Link>
                  </li>
                  <li>
                    <button type="button" className="button button-quiet" onClick={onLogout}>
                      {t.common.logout}
                    </button>
                  </li>
                </ul>
              </nav>
            )}
            <button
              type="button"
              id="lang-switch"
              className="button button-quiet"
              lang={t.common.otherLanguageTag}
              onClick={() => setLanguage(language === "it" ? "en" : "it", true)}
            >
              {t.common.otherLanguage}
            </button>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <Footer signedIn={signedIn} />
      <div className="sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </>
  );
}
