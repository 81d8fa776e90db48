import DOMPurify from 'dompurify';
import React from 'react';

export function Comment({ body }: { body: string }) {
  // ruleid: sec-xss-react-dangerously
  return <div dangerouslySetInnerHTML={{ __html: body }} />;
}

export function Bio(props: { user: { bio: string } }) {
  // ruleid: sec-xss-react-dangerously
  return <section dangerouslySetInnerHTML={{ __html: '<p>' + props.user.bio + '</p>' }} />;
}

export function SafeComment({ body }: { body: string }) {
  // ok: sec-xss-react-dangerously
  return <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(body) }} />;
}

export function Plain({ body }: { body: string }) {
  // ok: sec-xss-react-dangerously
  return <div>{body}</div>;
}
