/** The front matter and title of a 2022 ILACS report, for tests that build small reports. */
export const ILACS_2022_HEAD = `---
report: ilacs
authority: Exampleshire County Council
inspection-dates: 2022-07-11 to 2022-07-22
published: 2022-09-06
lead-inspector: Jane Example
---

# Inspection of Exampleshire local authority children's services

`;
