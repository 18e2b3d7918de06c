import { useApp } from "../app-context";
import { Link } from "../components/link";
import { PageHeading } from "../components/page-heading";
import { PATHS } from "../router";

/** A calm page with a title and one paragraph: session ended, signed out, link problems. */
export function NoticePage({
  title,
  body,
  home = false,
}: {
  title: string;
  body: string;
  home?: boolean;
}) {
  const { t } = useApp();
  return (
    <section className="card notice">
      <PageHeading title={title} />
      <p>{body}</p>
      {home && (
        <p>
          <Link to={PATHS.overview}>{t.common.backToAccount}</Link>
        </p>
      )}
    </section>
  );
}
