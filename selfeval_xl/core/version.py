"""The tool's version: stamped on outputs (生成时间 line, export properties) and checked by the add-in."""

VERSION = "0.1.0"
