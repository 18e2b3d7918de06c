import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { api, isApiError, onSessionEnded, setCsrfToken } from "./api";
import { AppContext, type AppContextValue, CaseContext } from "./app-context";
import { accentColour } from "./colour";
import { ErrorAlert, Loading } from "./components/alert";
import { Layout } from "./components/layout";
import { PageHeading } from "./components/page-heading";
import { en } from "./i18n/en";
import { it, type Messages } from "./i18n/it";
import { EntryPage } from "./pages/entry-page";
import { NoticePage } from "./pages/notice-page";
import { portalPage, portalTitle } from "./pages/portal-pages";
import { matchRoute, navigate, PATHS, useLocation } from "./router";
import type { Creditor, Language, PortalCase } from "./types";

const LANGUAGE_KEY = "saldo.portal.language";
const MESSAGES: Record<Language, Messages> = { it, en };

function storedLanguage(): Language | null {
  try {
    const value = window.sessionStorage.getItem(LANGUAGE_KEY);
    return value === "it" || value === "en" ? value : null;
  } catch {
    return null;
  }
}

type Session = "active" | "ended" | "signedOut";

export function App() {
  const location = useLocation();
  const route = matchRoute(location.pathname, location.search);
  const [language, setLanguageState] = useState<Language>(() => storedLanguage() ?? "it");
  const [brand, setBrand] = useState<Creditor | null>(null);
  const [portalCase, setPortalCase] = useState<PortalCase | null>(null);
  const [caseError, setCaseError] = useState<unknown>(null);
  const [session, setSession] = useState<Session>("active");
  const [announcement, setAnnouncement] = useState("");
  const loadingCase = useRef(false);

  const setLanguage = useCallback((next: Language, remember: boolean) => {
    if (remember) {
      try {
        window.sessionStorage.setItem(LANGUAGE_KEY, next);
      } catch {
        // Private mode: the choice lasts until the page is reloaded.
      }
    } else if (storedLanguage()) {
      return; // the person's own choice wins over the server's
    }
    setLanguageState(next);
  }, []);

  const announce = useCallback((text: string) => {
    setAnnouncement("");
    window.setTimeout(() => setAnnouncement(text), 100);
  }, []);

  const reloadCase = useCallback(async () => {
    loadingCase.current = true;
    try {
      const fresh = await api.get<PortalCase>("/case");
      setCsrfToken(fresh.csrfToken);
      setPortalCase(fresh);
      setBrand(fresh.creditor);
      setLanguage(fresh.language, false);
      setCaseError(null);
      return fresh;
    } catch (error) {
      if (!isApiError(error, "portal_session_required")) setCaseError(error);
      return null;
    } finally {
      loadingCase.current = false;
    }
  }, [setLanguage]);

  useEffect(
    () =>
      onSessionEnded(() => {
        setCsrfToken(null);
        setPortalCase(null);
        setSession("ended");
      }),
    [],
  );

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  useEffect(() => {
    document.documentElement.style.setProperty("--accent", accentColour(brand?.colour));
  }, [brand]);

  const needsCase = route.name !== "entry" && route.name !== "notFound";
  useEffect(() => {
    if (needsCase && session === "active" && !portalCase && !caseError && !loadingCase.current) {
      void reloadCase();
    }
  }, [needsCase, session, portalCase, caseError, reloadCase]);

  const onEntered = useCallback(() => {
    setPortalCase(null);
    setCaseError(null);
    setSession("active");
    // The token must leave the address bar (and the history) once it has done its job.
    navigate(PATHS.overview, { replace: true });
  }, []);

  const onLogout = useCallback(async () => {
    try {
      await api.post("/logout");
    } catch {
      // Signed out either way: the cookie is useless without the page.
    }
    setCsrfToken(null);
    setPortalCase(null);
    setSession("signedOut");
  }, []);

  const context = useMemo<AppContextValue>(
    () => ({ language, t: MESSAGES[language], setLanguage, brand, setBrand, announce }),
    [language, setLanguage, brand, announce],
  );
  const caseContext = useMemo(
    () => (portalCase ? { portalCase, reloadCase } : null),
    [portalCase, reloadCase],
  );

  const t = MESSAGES[language];
  let page: ReactNode;
  if (route.name === "entry") {
    page = <EntryPage token={route.token} onEntered={onEntered} />;
  } else if (route.name === "notFound") {
    page = (
      <NoticePage
        title={t.session.notFoundTitle}
        body={t.session.notFoundBody}
        home={!!portalCase}
      />
    );
  } else if (session === "ended") {
    page = <NoticePage title={t.session.endedTitle} body={t.session.endedBody} />;
  } else if (session === "signedOut") {
    page = <NoticePage title={t.session.signedOutTitle} body={t.session.signedOutBody} />;
  } else if (!caseContext) {
    page = (
      <>
        <PageHeading title={portalTitle(route.name, t)} />
        {caseError ? (
          <ErrorAlert error={caseError} onRetry={() => setCaseError(null)} />
        ) : (
          <Loading />
        )}
      </>
    );
  } else {
    page = <CaseContext.Provider value={caseContext}>{portalPage(route)}</CaseContext.Provider>;
  }

  return (
    <AppContext.Provider value={context}>
      <Layout
        signedIn={!!portalCase && session === "active"}
        onLogout={onLogout}
        announcement={announcement}
      >
        <div className="page" key={location.pathname}>
          {page}
        </div>
      </Layout>
    </AppContext.Provider>
  );
}
