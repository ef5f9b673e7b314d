//! `/graphiql`: the GraphiQL IDE with every asset bundled in the binary, so it works on an
//! intranet with no internet access. The assets are the unchanged UMD builds of their npm
//! packages (see `assets/README.md` and the licence files beside them).

use actix_web::{HttpResponse, web};

/// Version in asset URLs, so browsers may cache them for good.
const ASSET_VERSION: &str = "graphiql-3.8.3";

struct Asset {
    name: &'static str,
    content_type: &'static str,
    body: &'static [u8],
}

const ASSETS: &[Asset] = &[
    Asset {
        name: "graphiql.min.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_bytes!("assets/graphiql.min.js"),
    },
    Asset {
        name: "graphiql.min.css",
        content_type: "text/css; charset=utf-8",
        body: include_bytes!("assets/graphiql.min.css"),
    },
    Asset {
        name: "react.production.min.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_bytes!("assets/react.production.min.js"),
    },
    Asset {
        name: "react-dom.production.min.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_bytes!("assets/react-dom.production.min.js"),
    },
    Asset {
        name: "LICENSE-graphiql",
        content_type: "text/plain; charset=utf-8",
        body: include_bytes!("assets/LICENSE-graphiql"),
    },
    Asset {
        name: "LICENSE-graphql",
        content_type: "text/plain; charset=utf-8",
        body: include_bytes!("assets/LICENSE-graphql"),
    },
    Asset {
        name: "LICENSE-react",
        content_type: "text/plain; charset=utf-8",
        body: include_bytes!("assets/LICENSE-react"),
    },
    Asset {
        name: "LICENSE-react-dom",
        content_type: "text/plain; charset=utf-8",
        body: include_bytes!("assets/LICENSE-react-dom"),
    },
];

const PAGE: &str = r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mofa-graph · GraphiQL</title>
<link rel="stylesheet" href="/graphiql/assets/VERSION/graphiql.min.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="/graphiql/assets/VERSION/react.production.min.js"></script>
<script src="/graphiql/assets/VERSION/react-dom.production.min.js"></script>
<script src="/graphiql/assets/VERSION/graphiql.min.js"></script>
<script>
  // Same-origin fetcher; a staff token pasted in the headers tab is sent as usual.
  const fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', window.location.href).href });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultQuery: '{\n  catalog {\n    databases { code nameEn }\n  }\n}\n',
      shouldPersistHeaders: false,
    }),
  );
</script>
</body>
</html>
"#;

pub async fn page() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        // The page runs only its own scripts and talks only to this server.
        .insert_header((
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self' 'unsafe-inline'; \
             style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; \
             connect-src 'self'; frame-ancestors 'none'",
        ))
        .insert_header(("Cache-Control", "no-cache"))
        .body(PAGE.replace("VERSION", ASSET_VERSION))
}

pub async fn asset(path: web::Path<(String, String)>) -> HttpResponse {
    let (version, name) = path.into_inner();
    match ASSETS.iter().find(|a| a.name == name) {
        Some(asset) if version == ASSET_VERSION => HttpResponse::Ok()
            .content_type(asset.content_type)
            .insert_header(("Cache-Control", "public, max-age=31536000, immutable"))
            .body(asset.body),
        _ => HttpResponse::NotFound()
            .content_type("text/plain; charset=utf-8")
            .body("no such asset"),
    }
}
