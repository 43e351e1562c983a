"""The remote script package imports without Live."""
import importlib


def test_package_imports_without_live():
    pkg = importlib.import_module("AbletonOSC")
    assert callable(pkg.create_instance)
    assert pkg.__version__
