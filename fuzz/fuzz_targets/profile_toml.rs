//! A profile document in TOML: reading never panics; a profile read writes back to TOML
//! (and JSON) that reads as the same profile; it assesses consistently against the
//! built-in catalog, with a warning for every entry left out.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillgap::{Catalog, Profile};
use skillgap_fuzz::{assess_and_check, MAX_INPUT};

fuzz_target!(|data: &[u8]| {
    if data.len() > MAX_INPUT {
        return;
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(profile) = Profile::from_toml(text) else {
        return;
    };
    let toml = profile.to_toml().expect("a profile writes as TOML");
    let again = Profile::from_toml(&toml).expect("to_toml output reads back");
    assert_eq!(again, profile, "TOML round trip");
    assert_eq!(
        again.to_toml().expect("a profile writes as TOML"),
        toml,
        "writing the profile read back gives the same TOML"
    );
    assert_eq!(
        Profile::from_json(&profile.to_json()).expect("to_json output reads back"),
        profile,
        "TOML to JSON round trip"
    );

    assess_and_check(Catalog::builtin(), &profile);
});
