/// The SDL is the API contract: a change to it shows up here and is reviewed as an API change.
#[test]
fn sdl_matches_the_reviewed_snapshot() {
    insta::assert_snapshot!("schema", graphql::sdl());
}
