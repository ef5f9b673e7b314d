//! Media types of GraphQL over HTTP: what a request body may be, and which response type the
//! `Accept` header selects.

use actix_web::{HttpRequest, http::header};

use super::error::HttpError;

/// The media type of a GraphQL response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResponseMediaType {
    /// `application/graphql-response+json`: request errors get 4xx status codes.
    GraphqlResponseJson,
    /// `application/json`, the legacy type: every well-formed request gets 200.
    Json,
}

impl ResponseMediaType {
    pub fn content_type(self) -> &'static str {
        match self {
            ResponseMediaType::GraphqlResponseJson => {
                "application/graphql-response+json; charset=utf-8"
            }
            ResponseMediaType::Json => "application/json; charset=utf-8",
        }
    }

    /// Chooses the response type from `Accept`: the supported type with the highest quality;
    /// `application/json` when the header is missing or only wildcards match.
    pub fn negotiate(req: &HttpRequest) -> Result<ResponseMediaType, HttpError> {
        let accept: Vec<&str> = req
            .headers()
            .get_all(header::ACCEPT)
            .filter_map(|v| v.to_str().ok())
            .collect();
        if accept.iter().all(|v| v.trim().is_empty()) {
            return Ok(ResponseMediaType::Json);
        }
        let mut best: Option<(f32, u8, ResponseMediaType)> = None;
        for range in accept.iter().flat_map(|v| v.split(',')) {
            let mut parts = range.split(';');
            let essence = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
            let quality = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            // Specificity breaks ties: an explicit type beats a wildcard at equal quality.
            let (specificity, media) = match essence.as_str() {
                "application/graphql-response+json" => (2, ResponseMediaType::GraphqlResponseJson),
                "application/json" => (2, ResponseMediaType::Json),
                "application/*" | "*/*" => (1, ResponseMediaType::Json),
                _ => continue,
            };
            if quality <= 0.0 {
                continue;
            }
            let better = match best {
                None => true,
                Some((q, s, _)) => quality > q || (quality == q && specificity > s),
            };
            if better {
                best = Some((quality, specificity, media));
            }
        }
        best.map(|(_, _, media)| media)
            .ok_or(HttpError::NotAcceptable)
    }
}

/// Checks that a POST body is declared as `application/json` in UTF-8 (the default).
pub fn require_json_body(req: &HttpRequest) -> Result<(), HttpError> {
    let Some(value) = req.headers().get(header::CONTENT_TYPE) else {
        return Err(HttpError::UnsupportedMediaType(
            "a POST needs Content-Type: application/json".to_owned(),
        ));
    };
    let value = value
        .to_str()
        .map_err(|_| HttpError::UnsupportedMediaType("unreadable Content-Type".to_owned()))?;
    let mut parts = value.split(';');
    let essence = parts.next().unwrap_or_default().trim();
    if !essence.eq_ignore_ascii_case("application/json") {
        return Err(HttpError::UnsupportedMediaType(format!(
            "Content-Type {essence} is not supported; send application/json"
        )));
    }
    for param in parts {
        if let Some((name, charset)) = param.split_once('=')
            && name.trim().eq_ignore_ascii_case("charset")
        {
            let charset = charset.trim().trim_matches('"');
            if !charset.eq_ignore_ascii_case("utf-8") {
                return Err(HttpError::UnsupportedMediaType(format!(
                    "charset {charset} is not supported; send UTF-8"
                )));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;

    use super::*;

    fn negotiate(accept: Option<&str>) -> Result<ResponseMediaType, HttpError> {
        let mut req = TestRequest::default();
        if let Some(accept) = accept {
            req = req.insert_header((header::ACCEPT, accept));
        }
        ResponseMediaType::negotiate(&req.to_http_request())
    }

    #[test]
    fn accept_selects_the_best_supported_type() {
        use ResponseMediaType::*;
        assert!(matches!(negotiate(None), Ok(Json)));
        assert!(matches!(negotiate(Some("*/*")), Ok(Json)));
        assert!(matches!(
            negotiate(Some("application/graphql-response+json")),
            Ok(GraphqlResponseJson)
        ));
        assert!(matches!(
            negotiate(Some(
                "application/json;q=0.9, application/graphql-response+json"
            )),
            Ok(GraphqlResponseJson)
        ));
        assert!(matches!(
            negotiate(Some(
                "application/graphql-response+json;q=0.5, application/json"
            )),
            Ok(Json)
        ));
        assert!(matches!(
            negotiate(Some("*/*, application/graphql-response+json")),
            Ok(GraphqlResponseJson)
        ));
        assert!(matches!(
            negotiate(Some("text/html")),
            Err(HttpError::NotAcceptable)
        ));
        assert!(matches!(
            negotiate(Some("application/json;q=0")),
            Err(HttpError::NotAcceptable)
        ));
    }
}
