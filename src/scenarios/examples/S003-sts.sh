# S003-sts: StatefulSet `web` behind headless Service `nginx`: ordered start, scaling, and web-0.nginx in DNS
# zh: 无头服务 `nginx` 与 StatefulSet `web`：有序启动、扩容，以及 DNS 中的 web-0.nginx
# The seed's nginx-sts.yaml with its tabs replaced by spaces (YAML does not allow tabs in indentation).
cat > nginx-sts.yaml <<EOF
apiVersion: v1
kind: Service
metadata:
 name: nginx
 labels:
  app: nginx
spec:
 ports:
 - port: 80
   name: web
 clusterIP: None
 selector:
  app: nginx

---
apiVersion: apps/v1
kind: StatefulSet
metadata:
 name: web
spec:
 serviceName: "nginx"
 replicas: 2
 selector:
  matchLabels:
   app: nginx
 template:
  metadata:
   labels:
    app: nginx
  spec:
   containers:
   - name: nginx
     image: nginx
     ports:
     - containerPort: 80
       name: web
EOF
kubectl create -f nginx-sts.yaml
kubectl get svc
sleep 20
kubectl get po
kubectl scale --replicas=3 sts web
sleep 1
kubectl get po
# The seed's busybox Pod, with its `\-` Markdown escapes removed and the container's fields lined up.
cat<<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
 name: busybox
 namespace: default
spec:
 containers:
 - name: busybox
   image: busybox:1.28
   command:
   - sleep
   - "3600"
   imagePullPolicy: IfNotPresent
 restartPolicy: Always
EOF
sleep 15
kubectl get po
kubectl get pods -l app=nginx -o custom-columns='NAME:.metadata.name,CREATED:.metadata.creationTimestamp,READY-SINCE:.status.conditions[?(@.type=="Ready")].lastTransitionTime'
# The seed runs nslookup in `kubectl exec -ti busybox -- sh`; the same lookup without the interactive shell:
kubectl exec busybox -- nslookup web-0.nginx
kubectl get pod web-0 -o jsonpath='{.status.podIP}'
# 6、扩容缩容 (the seed's `-n killer` is the author's own namespace).
kubectl scale sts web --replicas=4
sleep 15
kubectl get po -l app=nginx
