"""Opens `dvcheck rules doc --format html` in headless Chromium (as html_check.py does) and checks
that it works offline: no console error or request, one section per rule of `rules list` anchored by
the rule id (SARIF's helpUri target), index links landing on their section, and the search box
narrowing index and sections while ignoring case and Vietnamese marks."""
import pathlib
import sys

from selenium.webdriver.common.by import By

from html_check import browser


def main(html_path, ids_path):
    ids = [line.split()[0] for line in open(ids_path, encoding="utf-8").read().splitlines()[1:-1]]
    driver = browser()
    try:
        driver.get(pathlib.Path(html_path).resolve().as_uri())
        errors = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
        assert not errors, f"console: {errors}"
        assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0
        sections = driver.find_elements(By.CSS_SELECTOR, "section.rule")
        assert [s.get_attribute("id") for s in sections] == ids, "sections differ from rules list"
        for link in driver.find_elements(By.CSS_SELECTOR, "#catalogue-index a"):
            target = link.get_attribute("href").split("#", 1)[1]
            assert driver.find_element(By.ID, target).tag_name == "section", target
        search = driver.find_element(By.ID, "catalogue-search")
        # "tiep dan" (no marks) finds the sections that say "tiếp dân".
        search.send_keys("TIEP DAN")
        shown = [s for s in sections if s.is_displayed()]
        marked = [s for s in sections if "tiếp dân" in s.get_attribute("textContent").lower()]
        assert shown and len(shown) >= len(marked) and len(shown) < len(sections), (len(shown), len(marked))
        assert driver.find_element(By.ID, "catalogue-shown").text == str(len(shown))
        rows = [r for r in driver.find_elements(By.CSS_SELECTOR, "#catalogue-index tbody tr") if r.is_displayed()]
        assert len(rows) == len(shown), (len(rows), len(shown))
        search.clear()
        search.send_keys(" ")
        assert all(s.is_displayed() for s in sections), "clearing the search shows every rule again"
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert not errors, f"console after searching: {errors}"
    finally:
        driver.quit()
    print(f"catalogue: {len(ids)} rules anchored by id, index links land, search ignores marks "
          f"({len(shown)} for 'TIEP DAN'), 0 requests")


if __name__ == "__main__":
    main(*sys.argv[1:3])
