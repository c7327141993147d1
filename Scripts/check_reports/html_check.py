"""Opens a dvcheck HTML report in Debian's headless Chromium through chromedriver (Selenium) and
checks that it renders offline: no console error, no network request, the summary, matrix, findings
table and upcoming list present, filters, search, sorting and matrix links working, no injected
markup, the trend chart's points with --history; then saves a full-page screenshot and prints the page to PDF as Chromium's print dialog does
(the page's own @page size) and reads it back with poppler (pdfinfo, pdftotext): A4 landscape, every
rule id and every violated finding on paper."""
import base64
import json
import pathlib
import subprocess
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
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
        matrix = driver.find_elements(By.CSS_SELECTOR, ".matrix tbody tr")
        units = {m["unit"] for m in result["matrix"]}
        assert len(matrix) >= len(units), (len(matrix), len(units))
        cells = driver.find_elements(By.CSS_SELECTOR, ".matrix td.st-violated")
        violated_pairs = {(m["rule"], m["unit"]) for m in result["matrix"] if m["violated"]}
        assert len(cells) == len(violated_pairs), (len(cells), len(violated_pairs))
        # A paused case is pending without a due date: it has no place in a list by due date.
        pending = [f for f in result["findings"] if f["status"] == "pending" and "due" in f]
        upcoming = [t.get_attribute("datetime") for t in driver.find_elements(By.CSS_SELECTOR, "#upcoming time")]
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
            dues = [r.find_elements(By.TAG_NAME, "td")[5].get_attribute("data-sort") for r in
                    driver.find_elements(By.CSS_SELECTOR, "#findings tbody tr")]
            assert dues == sorted(dues, reverse=True), dues[:5]
            assert head.get_attribute("aria-sort") == "descending"
            check_search_and_links(driver, result)
        check_trend(driver, result)
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert not errors, f"console after interaction: {errors}"
        driver.refresh()
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(1400, min(max(height, 800), 16000))
        driver.save_screenshot(screenshot_path)
        pdf = base64.b64decode(driver.execute_cdp_cmd(
            "Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})["data"])
        assert pdf.startswith(b"%PDF") and len(pdf) > 1000
        pages = check_pdf(pdf, result, violated_labels(driver))
    finally:
        driver.quit()
    print(f"html: rendered in Chromium, {listed} rows, {len(matrix)} matrix rows, filters and sort work, "
          f"0 console errors, 0 requests; {pages} A4 landscape pages with every rule and violation; "
          f"screenshot {screenshot_path}")


def check_search_and_links(driver, result):
    """The search box narrows the rows (ignoring case and marks); every matrix link lands on a row
    of its own (rule, unit) pair."""
    rows = driver.find_elements(By.CSS_SELECTOR, "#findings tbody tr")
    search = driver.find_element(By.ID, "search")
    rule = result["findings"][0]["rule"]
    search.send_keys(rule.lower())
    shown = [r for r in rows if r.is_displayed()]
    expected = sum(1 for f in result["findings"] if f["rule"] == rule)
    assert len(shown) >= expected and all(rule in r.text for r in shown), (len(shown), expected)
    search.clear()
    search.send_keys(" ")
    search.send_keys(Keys.BACK_SPACE)
    assert all(r.is_displayed() for r in rows), "clearing the search shows every row again"
    for link in driver.find_elements(By.CSS_SELECTOR, ".matrix td a"):
        target = link.get_attribute("href").split("#", 1)[1]
        row = driver.find_element(By.ID, target)
        cell = link.find_element(By.XPATH, "./ancestor::td")
        unit = cell.find_element(By.XPATH, "./ancestor::tr").get_attribute("data-unit")
        column = int(driver.execute_script("return arguments[0].cellIndex", cell))
        table = cell.find_element(By.XPATH, "./ancestor::table")
        rule_id = table.find_elements(By.CSS_SELECTOR, "thead th")[column].text
        assert row.get_attribute("data-rule") == rule_id, (target, rule_id)
        assert row.get_attribute("data-unit").split(" ")[-1] == unit, (target, unit)


def check_trend(driver, result):
    """With --history the overview draws one point per run of the result's history_trend (the last
    one this run, filled); without it there is no trend chart."""
    charts = driver.find_elements(By.ID, "chart-trend")
    trend = result.get("history_trend")
    if trend is None:
        assert not charts, "a trend chart without --history"
        return
    assert len(charts) == 1 and charts[0].is_displayed(), "no trend chart"
    points = charts[0].find_elements(By.CSS_SELECTOR, ".trend-point")
    assert len(points) == len(trend), (len(points), len(trend))
    counts = [p.find_element(By.TAG_NAME, "text").get_attribute("textContent") for p in points]
    assert counts == [str(t["violated"]) for t in trend], counts
    assert trend[-1].get("this_run") is True


def violated_labels(driver):
    """The status words the findings table gives violated findings (VI PHẠM, CHƯA ĐẠT, …)."""
    cells = driver.find_elements(By.CSS_SELECTOR, "#findings tr[data-status=violated] .badge")
    return sorted({c.get_attribute("textContent") for c in cells})


def check_pdf(pdf, result, labels):
    """A4 landscape; every rule id, and every violated finding (its unit, rule and status word)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp, "report.pdf")
        path.write_bytes(pdf)
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size:"))
    width, height = (float(x) for x in size.split()[2:5:2])
    assert abs(width - 841.89) < 1 and abs(height - 595.28) < 1, size
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
    rules = {m["rule"] for m in result["matrix"]} | {f["rule"] for f in result["findings"]}
    missing = sorted(r for r in rules if r not in text)
    assert not missing, f"rule ids missing from the PDF: {missing}"
    violated = [f for f in result["findings"] if f["status"] == "violated"]
    for f in violated:
        assert f["unit"] in text and f["rule"] in text, (f["unit"], f["rule"])
    # Each violated finding's row carries its status word once in the findings table; the page
    # repeats the words elsewhere (legend, roll-up), so the PDF holds at least as many.
    words = sum(text.count(label) for label in labels)
    assert words >= len(violated), (words, len(violated))
    return pages


if __name__ == "__main__":
    main(*sys.argv[1:4])
