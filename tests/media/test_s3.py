"""The S3 path against a real S3-compatible server: moto's, started here on a free port."""

import socket
import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

import boto3
import pytest
from moto.server import ThreadedMotoServer

from media.models import Document, Image
from resources.models import ResourceFile
from tests.factories import ObservanceFactory, ResourceFactory

from .files import pdf_bytes, png_bytes, upload

pytestmark = pytest.mark.django_db
BUCKET = "sscportal-media-test"
CREDENTIALS = {"access_key": "testing-key", "secret_key": "testing-secret"}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def s3_server():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=free_port(), verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    address = f"http://{host}:{port}"
    # moto keeps its buckets in the process, across servers: each test starts empty.
    urllib.request.urlopen(urllib.request.Request(f"{address}/moto-api/reset", method="POST"))
    try:
        yield address
    finally:
        server.stop()


@pytest.fixture
def bucket(s3_server, settings):
    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        region_name="us-east-1",
        aws_access_key_id=CREDENTIALS["access_key"],
        aws_secret_access_key=CREDENTIALS["secret_key"],
    )
    client.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_server,
                "region_name": "us-east-1",
                **CREDENTIALS,
                "default_acl": "private",
                "querystring_auth": True,
                "querystring_expire": 60,
                "signature_version": "s3v4",
                "file_overwrite": False,
            },
        },
    }
    return client


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.read()


def test_a_pdf_goes_to_the_bucket_and_is_served_by_a_short_lived_signed_url(client, bucket):
    document = Document.objects.create(
        file=upload("تقرير.pdf", pdf_bytes()), language="ar", title_ar="تقرير اليوم"
    )
    stored = bucket.get_object(Bucket=BUCKET, Key=document.file.name)
    assert stored["Body"].read() == pdf_bytes()
    resource = ResourceFactory()
    ResourceFile.objects.create(resource=resource, document=document)

    response = client.get(document.get_absolute_url())
    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"]
    signed = response["Location"]
    query = parse_qs(urlsplit(signed).query)
    assert query["X-Amz-Expires"] == ["60"]
    status, headers, body = fetch(signed)
    assert (status, body) == (200, pdf_bytes())
    assert headers["content-type"] == "application/pdf"
    assert "filename*=UTF-8''%D8%AA%D9%82%D8%B1%D9%8A%D8%B1" in headers["content-disposition"]

    # Unsigned, the bucket refuses: the only way in is through the site's check.
    with pytest.raises(urllib.error.HTTPError) as refusal:
        fetch(signed.split("?")[0])
    assert refusal.value.code == 403

    resource.status = "draft"
    resource.save()
    assert client.get(document.get_absolute_url()).status_code == 404


def test_an_images_copies_are_made_in_the_bucket(client, bucket):
    image = Image.objects.create(file=upload("day.png", png_bytes(1400, 700)), alt_en="The Day")
    keys = {item["Key"] for item in bucket.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert keys == {image.file.name, *image.renditions.values()}
    assert len(image.renditions) == 3
    ObservanceFactory(banner=image)
    response = client.get(f"/media/images/{image.pk}/640w/the-day.webp")
    assert response.status_code == 302
    status, headers, body = fetch(response["Location"])
    assert headers["content-type"] == "image/webp"
    assert body[8:12] == b"WEBP"
