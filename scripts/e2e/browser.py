"""The web workspace driven in a real browser (headless Chromium through Selenium), as a reporter.

Signs in through the login form, sees the dashboard, records an update on a project of the
reporter's own pairing through its form and sees it in the project's history and in the
dashboard's figures, finds no forms on another pairing's project and is refused (403, nothing
written) when it posts one anyway, then signs out. Run by Tests/DuikouServerTests/BrowserTests.swift
against a `duikou-server serve` on a demo database; exits 0 when every step held, 1 with the
step that failed otherwise.

    .build-venv/bin/python scripts/e2e/browser.py --base http://127.0.0.1:8080 \
        --user reporter --password-file FILE --pairing harbin-shenzhen --other-pairing dalian-shanghai \
        [--screenshots docs/screenshots]
"""

import argparse
import re
import sys
from decimal import Decimal
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

WIDTH = 1280
# The update recorded: 5亿 more completed investment, and a note that must come back as text.
INCREASE_WAN = 50_000
NOTE = '设备已安装 "一号线" <b>不是粗体</b> & 100% \'完成\''


class StepFailed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise StepFailed(message)


def amount(text):
    """A figure as the pages show it (`1,234.56`), as a Decimal."""
    return Decimal(text.strip().replace(",", ""))


class Session:
    def __init__(self, base, screenshots):
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         f"--window-size={WIDTH},900", "--lang=zh-CN", "--hide-scrollbars"):
            options.add_argument(argument)
        self.driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
        self.driver.set_page_load_timeout(20)
        self.base = base.rstrip("/")
        self.screenshots = Path(screenshots) if screenshots else None

    def open(self, path):
        self.driver.get(self.base + path)

    def path(self):
        url = self.driver.current_url
        check(url.startswith(self.base), f"left the workspace: {url}")
        return url[len(self.base):]

    def find(self, selector):
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def find_all(self, selector):
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def wait_for_path(self, pattern):
        try:
            WebDriverWait(self.driver, 10).until(lambda _: re.fullmatch(pattern, self.path().split("#")[0]))
        except WebDriverException as error:
            raise StepFailed(f"expected a page at {pattern}, still at {self.path()}") from error

    def screenshot(self, name):
        """The page from its top, 1280 wide and at most 2400 high, when screenshots are asked for."""
        if self.screenshots is None:
            return
        height = min(2400, self.driver.execute_script("return document.documentElement.scrollHeight"))
        self.driver.set_window_size(WIDTH, height)
        self.driver.execute_script("window.scrollTo(0, 0)")
        self.screenshots.mkdir(parents=True, exist_ok=True)
        self.driver.save_screenshot(str(self.screenshots / f"{name}.png"))
        self.driver.set_window_size(WIDTH, 900)

    def completed_on_dashboard(self):
        """The dashboard's headline figure of completed investment and the pairing's row, in 亿元."""
        self.open("/")
        self.wait_for_path("/")
        return amount(self.find('.figures [data-key="completed"] strong').text)

    def pairing_row_completed(self, pairing):
        cells = self.find_all(f'#by-pairing tr[data-key="{pairing}"] td')
        check(len(cells) >= 5, f"the dashboard has no row for the pairing {pairing}")
        return amount(cells[4].text)

    def first_project(self, pairing, writable):
        """Opens the first project listed for the pairing (the first with forms when `writable`)."""
        self.open(f"/projects?pairing={pairing}")
        links = [link.get_attribute("href") for link in self.find_all("table tr[data-key] td a")]
        check(links, f"no project listed for the pairing {pairing}")
        for href in links:
            self.driver.get(href)
            self.wait_for_path(r"/projects/[0-9a-f-]{36}")
            if not writable or self.find_all("#form-updates"):
                return self.path().split("#")[0]
        raise StepFailed(f"no project of {pairing} has an update form for this reporter")

    def history_rows(self):
        return self.find_all("#history tbody tr")

    def detail(self, label):
        """The value beside a label of the project's details."""
        for row in self.find_all("table tr"):
            cells = row.find_elements(By.CSS_SELECTOR, "th, td")
            if len(cells) == 2 and cells[0].text.strip() == label:
                return cells[1].text.strip()
        raise StepFailed(f"the project's page has no '{label}'")


def run(session, user, password, pairing, other_pairing):
    # Signing in: the workspace sends a stranger to the login form.
    session.open("/")
    session.wait_for_path("/login")
    session.find("#login-name").send_keys(user)
    session.find("#login-password").send_keys(password)
    session.find("form.login button[type=submit]").click()
    session.wait_for_path("/")
    check(session.find(".who .user").text == user, "the dashboard does not name the user signed in")
    before = session.completed_on_dashboard()
    row_before = session.pairing_row_completed(pairing)
    session.screenshot("dashboard")
    print(f"signed in as {user}; completed investment on the dashboard: {before} 亿元")

    # Recording an update on a project of the reporter's own pairing, through its form.
    own = session.first_project(pairing, writable=True)
    completed = amount(session.detail("累计完成投资（万元）"))
    rows = len(session.history_rows())
    session.find("#update-completed").send_keys(str(completed + INCREASE_WAN))
    session.find("#update-note").send_keys(NOTE)
    session.find("#form-updates button[type=submit]").click()
    session.wait_for_path(re.escape(own))
    check(not session.find_all("p.error, p.field-error"), f"the form was refused: {[e.text for e in session.find_all('p.error, p.field-error')]}")
    check(len(session.history_rows()) == rows + 1, f"the history of {own} did not grow by one row")
    notes = [cell.text for cell in session.find_all("#history tbody tr td pre.text")]
    check(NOTE in notes, f"the note is not in the history as written: {notes}")
    check(not session.find_all("#history b"), "the note's <b> became markup")
    check(amount(session.detail("累计完成投资（万元）")) == completed + INCREASE_WAN, "the project's completed investment did not change")
    session.screenshot("project")
    print(f"recorded an update on {own}: {completed} → {completed + INCREASE_WAN} 万元")

    after = session.completed_on_dashboard()
    check(after - before == Decimal(INCREASE_WAN) / 10_000, f"the dashboard's completed investment went from {before} to {after} 亿元")
    row_after = session.pairing_row_completed(pairing)
    check(row_after - row_before == Decimal(INCREASE_WAN) / 10_000, f"the pairing's row went from {row_before} to {row_after} 亿元")
    print(f"the dashboard shows {after} 亿元")

    # Another pairing's project: no forms, and a crafted post is refused with nothing written.
    other = session.first_project(other_pairing, writable=False)
    check(not session.find_all("form.record") and not session.find_all("#forms"), f"{other} shows forms to a reporter of another pairing")
    rows = len(session.history_rows())
    status = session.driver.execute_async_script(
        """
        const [path, note, done] = arguments;
        const token = document.querySelector('form.logout input[name=csrf_token]').value;
        const body = new URLSearchParams({csrf_token: token, date: new Date().toISOString().slice(0, 10), completed: '999999', note});
        fetch(path + '/updates', {method: 'POST', body, credentials: 'same-origin', redirect: 'manual'})
            .then(response => done(response.status), error => done(String(error)));
        """, other, NOTE)
    check(status == 403, f"a crafted post to {other} answered {status}, not 403")
    session.driver.refresh()
    check(len(session.history_rows()) == rows, f"the crafted post wrote to {other}")
    check(NOTE not in [cell.text for cell in session.find_all("#history td pre.text")], f"the crafted post's note is on {other}")
    print(f"{other}: no forms; a crafted post answered 403 and wrote nothing")

    # Signing out: the login page, and the dashboard is closed again.
    session.find("form.logout button[type=submit]").click()
    session.wait_for_path("/login")
    session.open("/")
    session.wait_for_path("/login")
    print("signed out")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True, help="the server, e.g. http://127.0.0.1:8080")
    parser.add_argument("--user", required=True, help="a reporter's name")
    parser.add_argument("--password-file", required=True, help="a file holding the reporter's password")
    parser.add_argument("--pairing", required=True, help="the reporter's pairing")
    parser.add_argument("--other-pairing", required=True, help="a pairing the reporter may not write")
    parser.add_argument("--screenshots", help="write dashboard.png and project.png into this folder")
    arguments = parser.parse_args()
    password = Path(arguments.password_file).read_text(encoding="utf-8").strip("\n")
    session = Session(arguments.base, arguments.screenshots)
    try:
        run(session, arguments.user, password, arguments.pairing, arguments.other_pairing)
    except StepFailed as failure:
        print(f"FAILED at {session.driver.current_url}: {failure}", file=sys.stderr)
        return 1
    finally:
        session.driver.quit()
    print("all steps held")
    return 0


if __name__ == "__main__":
    sys.exit(main())
