//! A catalog document in JSON: reading never panics; a catalog read writes back to JSON
//! that reads as the same catalog (and to the same text again); the empty profile and a
//! profile of its first skills assess consistently.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillgap::{Catalog, Profile};
use skillgap_fuzz::{assert_same_catalog, assess_and_check, profile_of_first_skills, MAX_INPUT};

fuzz_target!(|data: &[u8]| {
    if data.len() > MAX_INPUT {
        return;
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(catalog) = Catalog::from_json(text) else {
        return;
    };
    let json = catalog.to_json();
    let again = Catalog::from_json(&json).expect("to_json output reads back");
    assert_same_catalog(&catalog, &again, "JSON");
    assert_eq!(
        again.to_json(),
        json,
        "writing the catalog read back gives the same JSON"
    );

    assess_and_check(&catalog, &Profile::new());
    assess_and_check(&catalog, &profile_of_first_skills(&catalog, 4));
});
