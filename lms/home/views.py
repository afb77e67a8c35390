"""The home page that sends each kind of visitor to what they need, help contacts, and health."""

from flask import Blueprint, jsonify, render_template
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from .. import access
from ..extensions import db

bp = Blueprint("home", __name__, template_folder="templates")


@bp.route("/")
@access.allow(access.EVERYONE)
def index():
    return render_template("home/index.html")


@bp.route("/help")
@access.allow(access.EVERYONE)
def help():
    return render_template("home/help.html")


@bp.route("/healthz")
@access.allow(access.EVERYONE)
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        db.session.rollback()
        return jsonify(status="unavailable", database="unreachable"), 503
    return jsonify(status="ok", database="ok")
