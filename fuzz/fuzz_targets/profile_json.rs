//! A profile document in JSON: reading never panics; a profile read writes back to JSON
//! (and TOML) that reads as the same profile; it assesses consistently against the
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
    let Ok(profile) = Profile::from_json(text) else {
        return;
    };
    let json = profile.to_json();
    let again = Profile::from_json(&json).expect("to_json output reads back");
    assert_eq!(again, profile, "JSON round trip");
    assert_eq!(
        again.to_json(),
        json,
        "writing the profile read back gives the same JSON"
    );
    let toml = profile.to_toml().expect("a profile writes as TOML");
    assert_eq!(
        Profile::from_toml(&toml).expect("to_toml output reads back"),
        profile,
        "JSON to TOML round trip"
    );

    assess_and_check(Catalog::builtin(), &profile);
});
