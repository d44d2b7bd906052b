//! Positions of catalog items: a skill's, a role's or a course's index in the catalog's
//! lists (which are in id order). Three types, so that a role position can never index
//! skills.

macro_rules! position {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub(crate) struct $name(pub u32);

        impl $name {
            /// The position as an index.
            #[inline]
            pub fn get(self) -> usize {
                self.0 as usize
            }

            /// The position of index `i` (lists hold fewer than 2³² items).
            #[inline]
            pub fn at(i: usize) -> Self {
                $name(i as u32)
            }
        }
    };
}

position!(
    /// A skill's position in [`Catalog::skills`](crate::Catalog::skills).
    SkillAt
);
position!(
    /// A role's position in [`Catalog::roles`](crate::Catalog::roles).
    RoleAt
);
position!(
    /// A course's position in [`Catalog::courses`](crate::Catalog::courses).
    CourseAt
);
