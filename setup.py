"""Compiles the apps' translations into the wheel: each ``<app>/locale/*/LC_MESSAGES/*.po``
becomes the ``.mo`` beside it in the build folder, with Babel (a build requirement), so an
installed app speaks German, Russian and Ukrainian while no compiled file is committed.
Everything else about the distribution is declared in pyproject.toml.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithMessages(build_py):
    def run(self):
        super().run()
        if not self.editable_mode:  # an editable install reads the sources (`make messages`)
            for package in self.packages:
                self.compile_messages(package)

    def compile_messages(self, package):
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        source = Path(self.get_package_dir(package))
        target = Path(self.build_lib, *package.split("."))
        for po in sorted(source.glob("locale/*/LC_MESSAGES/*.po")):
            with po.open("rb") as f:
                catalog = read_po(f)
            mo = target / po.relative_to(source).with_suffix(".mo")
            mo.parent.mkdir(parents=True, exist_ok=True)
            with mo.open("wb") as f:
                write_mo(f, catalog)


setup(cmdclass={"build_py": BuildPyWithMessages})
