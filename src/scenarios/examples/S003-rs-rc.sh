# S003-rs-rc: a ReplicaSet with matchExpressions and a ReplicationController both keep their 3 pods
# zh: 带 matchExpressions 的 ReplicaSet 与 ReplicationController 都维持 3 个 Pod
# The seed's listing, with its Markdown escapes removed (`\#`, `\-`) and the container's fields lined up under
# `- name:`; as printed, YAML cannot parse it.
cat > frontend.yaml <<EOF
apiVersion: apps/v1
kind: ReplicaSet
metadata:
 name: frontend
 labels:
  app: guestbook
  tier: frontend
spec:
 # modify replicas according to your case
 replicas: 3
 selector:
  matchLabels:
   tier: frontend
  matchExpressions:
   - {key: tier, operator: In, values: [frontend]}
 template:
  metadata:
   labels:
    app: guestbook
    tier: frontend
  spec:
   containers:
   - name: php-redis
     image: gcr.io/google_samples/gb-frontend:v3
     resources:
      requests:
       cpu: 100m
       memory: 100Mi
     env:
     - name: GET_HOSTS_FROM
       value: dns
       # If your cluster config does not include a dns service, then to
       # instead access environment variables to find service host
       # info, comment out the 'value: dns' line above, and uncomment the
       # line below.
       # value: env
     ports:
     - containerPort: 80
EOF
kubectl apply -f frontend.yaml
# The seed's listing again, with `kind: **ReplicationController**` (Markdown bold, which YAML reads as an alias) and
# the container's fields lined up.
cat > nginx-rc.yaml <<EOF
apiVersion: v1
kind: ReplicationController
metadata:
 name: nginx
spec:
 replicas: 3
 selector:
  app: nginx
 template:
  metadata:
   name: nginx
   labels:
    app: nginx
  spec:
   containers:
   - name: nginx
     image: nginx
     ports:
     - containerPort: 80
EOF
kubectl apply -f nginx-rc.yaml
sleep 20
kubectl get rs frontend -o wide
kubectl get rc nginx -o wide
kubectl get pods --show-labels
kubectl delete pod $(kubectl get pods -l tier=frontend -o jsonpath='{.items[0].metadata.name}')
kubectl delete pod $(kubectl get pods -l app=nginx -o jsonpath='{.items[0].metadata.name}')
sleep 20
kubectl get rs frontend
kubectl get rc nginx
kubectl get pods -l tier=frontend
kubectl get pods -l app=nginx
kubectl describe rc nginx
