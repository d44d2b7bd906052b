//! A catalog document in TOML: reading never panics; a catalog read writes to TOML (and
//! JSON) that reads back as the same catalog; assessments are consistent.
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
    let Ok(catalog) = Catalog::from_toml(text) else {
        return;
    };
    let toml = catalog.to_toml().expect("a valid catalog writes as TOML");
    let again = Catalog::from_toml(&toml).expect("to_toml output reads back");
    assert_same_catalog(&catalog, &again, "TOML");
    assert_eq!(
        again.to_toml().expect("a valid catalog writes as TOML"),
        toml,
        "writing the catalog read back gives the same TOML"
    );
    let from_json = Catalog::from_json(&catalog.to_json()).expect("to_json output reads back");
    assert_same_catalog(&catalog, &from_json, "TOML to JSON");

    assess_and_check(&catalog, &Profile::new());
    assess_and_check(&catalog, &profile_of_first_skills(&catalog, 4));
});
