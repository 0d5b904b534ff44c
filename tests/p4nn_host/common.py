"""Shared by the p4nn host tests: the import path of lib/p4nn/host and the repository root."""
import os
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
HOST = os.path.join(ROOT, 'lib', 'p4nn', 'host')
MODELS = os.path.join(ROOT, 'models')
sys.path.insert(0, HOST)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
