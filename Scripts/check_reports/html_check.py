"""Opens a dvcheck HTML report in Debian's headless Chromium through chromedriver (Selenium) and
checks that it renders offline: no console error, no network request, the summary, matrix, findings
table and upcoming list present, filters and sorting working, no injected markup; then saves a
full-page screenshot and prints the page to PDF (the print style sheet)."""
import base64
import json
import pathlib
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--host-resolver-rules=MAP * ~NOTFOUND",
                "--lang=vi-VN"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def main(html_path, result_path, screenshot_path):
    result = json.load(open(result_path, encoding="utf-8"))
    listed = len(result["findings"])
    driver = browser()
    try:
        driver.get(pathlib.Path(html_path).resolve().as_uri())
        assert driver.execute_script("return document.readyState") == "complete"
        errors = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
        assert not errors, f"console: {errors}"
        resources = driver.execute_script("return performance.getEntriesByType('resource').length")
        assert resources == 0, f"{resources} network requests"
        assert len(driver.find_elements(By.TAG_NAME, "script")) == 1, "injected <script>"
        assert len(driver.find_elements(By.CSS_SELECTOR, "#status-counts tbody tr")) == 4
        rows = driver.find_elements(By.CSS_SELECTOR, "#findings tbody tr")
        assert len(rows) == listed, (len(rows), listed)
        matrix = driver.find_elements(By.CSS_SELECTOR, "#matrix tbody tr")
        units = {m["unit"] for m in result["matrix"]}
        assert len(matrix) >= len(units), (len(matrix), len(units))
        cells = driver.find_elements(By.CSS_SELECTOR, "#matrix td.st-violated")
        violated_pairs = {(m["rule"], m["unit"]) for m in result["matrix"] if m["violated"]}
        assert len(cells) == len(violated_pairs), (len(cells), len(violated_pairs))
        # a paused case has no due date and is not listed as upcoming (SPEC §10.1)
        pending = [f for f in result["findings"] if f["status"] == "pending" and f.get("due")]
        upcoming = [t.text for t in driver.find_elements(By.CSS_SELECTOR, "#upcoming time")]
        assert len(upcoming) == len(pending) and upcoming == sorted(upcoming), upcoming[:3]
        if listed:
            Select(driver.find_element(By.ID, "filter-status")).select_by_value("violated")
            shown = [r for r in rows if r.is_displayed()]
            violated = sum(1 for f in result["findings"] if f["status"] == "violated")
            assert len(shown) == violated, (len(shown), violated)
            assert driver.find_element(By.ID, "shown").text == str(violated)
            Select(driver.find_element(By.ID, "filter-status")).select_by_value("")
            unit = result["findings"][-1]["unit"]
            Select(driver.find_element(By.ID, "filter-unit")).select_by_value(unit)
            shown = [r for r in rows if r.is_displayed()]
            assert shown and len(shown) == sum(1 for f in result["findings"] if f["unit"] == unit)
            # A parent unit selects its whole subtree (each option names its parent).
            options = driver.find_elements(By.CSS_SELECTOR, "#filter-unit option[data-parent]")
            parent_of = {o.get_attribute("value"): o.get_attribute("data-parent") for o in options}
            top = next((p for p in parent_of.values() if p not in parent_of), None)
            if top:
                def under(u):
                    while u is not None:
                        if u == top:
                            return True
                        u = parent_of.get(u)
                    return False
                Select(driver.find_element(By.ID, "filter-unit")).select_by_value(top)
                shown = [r for r in rows if r.is_displayed()]
                expected = sum(1 for f in result["findings"] if under(f["unit"]))
                assert shown and len(shown) == expected, (top, len(shown), expected)
            Select(driver.find_element(By.ID, "filter-unit")).select_by_value("")
            head = driver.find_elements(By.CSS_SELECTOR, "#findings thead th")[5]  # due
            head.click()
            head.click()
            dues = [r.find_elements(By.TAG_NAME, "td")[5].text for r in
                    driver.find_elements(By.CSS_SELECTOR, "#findings tbody tr")]
            assert dues == sorted(dues, reverse=True), dues[:5]
            assert head.get_attribute("aria-sort") == "descending"
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert not errors, f"console after interaction: {errors}"
        driver.refresh()
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(1400, min(max(height, 800), 16000))
        driver.save_screenshot(screenshot_path)
        pdf = base64.b64decode(driver.print_page())
        assert pdf.startswith(b"%PDF") and len(pdf) > 1000
    finally:
        driver.quit()
    print(f"html: rendered in Chromium, {listed} rows, {len(matrix)} matrix rows, filters and sort work, "
          f"0 console errors, 0 requests; screenshot {screenshot_path}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
